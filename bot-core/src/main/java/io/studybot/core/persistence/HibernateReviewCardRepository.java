package io.studybot.core.persistence;

import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.ReviewCardRepository;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Review cards on one Hibernate session. */
final class HibernateReviewCardRepository implements ReviewCardRepository {
  private static final String OF_LEARNER =
      "from QuestionCard c where c.learnerId = :learner and c.curriculumId = :curriculum";

  private static final String COLUMNS =
      "learner_id, curriculum_id, topic_id, question_id, state, step, stability, difficulty, due,"
          + " last_review, reps, lapses, scheduled_days, elapsed_days";

  private final Session session;
  private final String insertIfAbsent;
  private final boolean keyRepeated;

  HibernateReviewCardRepository(Session session, SqlDialect dialect) {
    this.session = session;
    this.keyRepeated = !dialect.isPostgres();
    this.insertIfAbsent =
        dialect.insertIfAbsent(
            "review_card",
            COLUMNS,
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
            "learner_id",
            "curriculum_id",
            "topic_id",
            "question_id");
  }

  @Override
  public Optional<QuestionCard> find(
      long learnerId, String curriculumId, String topicId, String questionId) {
    return session
        .createSelectionQuery(
            OF_LEARNER + " and c.topicId = :topic and c.questionId = :question", QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("topic", topicId)
        .setParameter("question", questionId)
        .uniqueResultOptional();
  }

  @Override
  public void add(QuestionCard card) {
    session.persist(card);
  }

  @Override
  public boolean addIfAbsent(
      long learnerId, String curriculumId, String topicId, String questionId, ReviewCard card) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(insertIfAbsent)) {
            insert.setLong(1, learnerId);
            insert.setString(2, curriculumId);
            insert.setString(3, topicId);
            insert.setString(4, questionId);
            JdbcColumns.setCard(insert, 5, card);
            if (keyRepeated) {
              insert.setLong(15, learnerId);
              insert.setString(16, curriculumId);
              insert.setString(17, topicId);
              insert.setString(18, questionId);
            }
            return insert.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<QuestionCard> due(long learnerId, String curriculumId, Instant until, int limit) {
    return session
        .createSelectionQuery(
            OF_LEARNER + " and c.due <= :until order by c.due, c.id", QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("until", until)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long dueCount(long learnerId, String curriculumId, Instant until) {
    return session
        .createSelectionQuery("select count(c) " + OF_LEARNER + " and c.due <= :until", Long.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("until", until)
        .getSingleResult();
  }

  @Override
  public List<QuestionCard> all(long learnerId, String curriculumId) {
    return session
        .createSelectionQuery(OF_LEARNER, QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .getResultList();
  }
}
