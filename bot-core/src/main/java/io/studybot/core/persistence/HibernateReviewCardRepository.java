package io.studybot.core.persistence;

import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.ReviewCardRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Review cards on one Hibernate session. */
final class HibernateReviewCardRepository implements ReviewCardRepository {
  private static final String OF_LEARNER =
      "from QuestionCard c where c.learnerId = :learner and c.curriculumId = :curriculum";

  private final Session session;

  HibernateReviewCardRepository(Session session) {
    this.session = session;
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
