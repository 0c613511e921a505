package io.studybot.core.persistence;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.study.CompletedTopic;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.LeaderboardRow;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerStats;
import io.studybot.core.study.PlatformAccount;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/** The study repository on one Hibernate session. */
final class HibernateStudyRepository implements StudyRepository {
  private final Session session;

  HibernateStudyRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<Learner> learnerByAccount(Platform platform, String externalId) {
    return session
        .createSelectionQuery(
            "select l from Learner l, PlatformAccount a where a.learnerId = l.id"
                + " and a.platform = :platform and a.externalId = :externalId",
            Learner.class)
        .setParameter("platform", platform.name())
        .setParameter("externalId", externalId)
        .uniqueResultOptional();
  }

  @Override
  public Learner addLearner(Learner learner, Platform platform, String externalId) {
    session.persist(learner);
    session.persist(new PlatformAccount(platform, externalId, learner.id()));
    return learner;
  }

  @Override
  public void deleteLearner(Long learnerId) {
    // The schema cascades to accounts, enrollments, quizzes, answers and schedules; the outbox has
    // no foreign keys, so its rows (which name the learner's chat) go explicitly.
    session.flush();
    session
        .createNativeMutationQuery("delete from outbox where learner_id = :id")
        .setParameter("id", learnerId)
        .executeUpdate();
    session
        .createMutationQuery("delete from Learner l where l.id = :id")
        .setParameter("id", learnerId)
        .executeUpdate();
  }

  @Override
  public Optional<StudyGroup> group(ChatRef chat) {
    return session
        .createSelectionQuery(
            "from StudyGroup g where g.platform = :platform and g.chatId = :chatId",
            StudyGroup.class)
        .setParameter("platform", chat.platform().name())
        .setParameter("chatId", chat.id())
        .uniqueResultOptional();
  }

  @Override
  public StudyGroup addGroup(StudyGroup group) {
    session.persist(group);
    return group;
  }

  @Override
  public Optional<Enrollment> learnerEnrollment(Long learnerId, String curriculumId) {
    return session
        .createSelectionQuery(
            "from Enrollment e where e.learnerId = :owner and e.curriculumId = :curriculum",
            Enrollment.class)
        .setParameter("owner", learnerId)
        .setParameter("curriculum", curriculumId)
        .uniqueResultOptional();
  }

  @Override
  public Optional<Enrollment> groupEnrollment(Long groupId, String curriculumId) {
    return session
        .createSelectionQuery(
            "from Enrollment e where e.groupId = :owner and e.curriculumId = :curriculum",
            Enrollment.class)
        .setParameter("owner", groupId)
        .setParameter("curriculum", curriculumId)
        .uniqueResultOptional();
  }

  @Override
  public Enrollment addEnrollment(Enrollment enrollment) {
    session.persist(enrollment);
    return enrollment;
  }

  @Override
  public Set<String> completedTopics(Long enrollmentId) {
    return new HashSet<>(
        session
            .createSelectionQuery(
                "select c.topicId from CompletedTopic c where c.enrollmentId = :enrollment",
                String.class)
            .setParameter("enrollment", enrollmentId)
            .getResultList());
  }

  @Override
  public void markCompleted(Long enrollmentId, String topicId, Instant now) {
    if (!completedTopics(enrollmentId).contains(topicId)) {
      session.persist(new CompletedTopic(enrollmentId, topicId, now));
    }
  }

  @Override
  public List<QuizQuestion> addQuiz(Quiz quiz, List<QuestionRef> refs) {
    session.persist(quiz);
    List<QuizQuestion> questions = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      QuizQuestion question = new QuizQuestion(quiz.id(), i, refs.get(i));
      session.persist(question);
      questions.add(question);
    }
    return questions;
  }

  @Override
  public Optional<Quiz> quiz(Long quizId) {
    return Optional.ofNullable(session.find(Quiz.class, quizId));
  }

  @Override
  public Optional<QuizQuestion> quizQuestion(Long quizQuestionId) {
    return Optional.ofNullable(session.find(QuizQuestion.class, quizQuestionId));
  }

  @Override
  public List<QuizQuestion> questionsOf(Long quizId) {
    return session
        .createSelectionQuery(
            "from QuizQuestion q where q.quizId = :quiz order by q.ordinal", QuizQuestion.class)
        .setParameter("quiz", quizId)
        .getResultList();
  }

  @Override
  public Optional<Quiz> openQuiz(Long enrollmentId, boolean review) {
    return session
        .createSelectionQuery(
            "from Quiz q where q.enrollmentId = :enrollment and q.closed = false"
                + " and q.review = :review order by q.id desc",
            Quiz.class)
        .setParameter("enrollment", enrollmentId)
        .setParameter("review", review)
        .setMaxResults(1)
        .uniqueResultOptional();
  }

  @Override
  public Optional<QuizAttempt> attempt(Long quizQuestionId, Long learnerId) {
    return session
        .createSelectionQuery(
            "from QuizAttempt a where a.quizQuestionId = :question and a.learnerId = :learner",
            QuizAttempt.class)
        .setParameter("question", quizQuestionId)
        .setParameter("learner", learnerId)
        .uniqueResultOptional();
  }

  @Override
  public void addAttempt(QuizAttempt attempt) {
    session.persist(attempt);
  }

  @Override
  public long answeredInQuiz(Long quizId, Long learnerId) {
    return session
        .createSelectionQuery(
            "select count(a) from QuizAttempt a, QuizQuestion q"
                + " where a.quizQuestionId = q.id and q.quizId = :quiz and a.learnerId = :learner",
            Long.class)
        .setParameter("quiz", quizId)
        .setParameter("learner", learnerId)
        .getSingleResult();
  }

  @Override
  public Set<String> answeredQuestionIds(Long learnerId, String topicId) {
    return new HashSet<>(
        session
            .createSelectionQuery(
                "select distinct qq.questionId from QuizAttempt a, QuizQuestion qq"
                    + " where a.quizQuestionId = qq.id"
                    + " and a.learnerId = :learner and qq.topicId = :topic",
                String.class)
            .setParameter("learner", learnerId)
            .setParameter("topic", topicId)
            .getResultList());
  }

  @Override
  public LearnerStats stats(Long learnerId) {
    Object[] row =
        session
            .createSelectionQuery(
                "select count(a), coalesce(sum(case when a.correct then 1 else 0 end), 0)"
                    + " from QuizAttempt a where a.learnerId = :learner",
                Object[].class)
            .setParameter("learner", learnerId)
            .getSingleResult();
    return new LearnerStats(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  @Override
  public Optional<QuestionCard> card(
      Long learnerId, String curriculumId, String topicId, String questionId) {
    return session
        .createSelectionQuery(
            "from QuestionCard c where c.learnerId = :learner and c.curriculumId = :curriculum"
                + " and c.topicId = :topic and c.questionId = :question",
            QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("topic", topicId)
        .setParameter("question", questionId)
        .uniqueResultOptional();
  }

  @Override
  public void addCard(QuestionCard card) {
    session.persist(card);
  }

  @Override
  public List<QuestionCard> dueCards(
      Long learnerId, String curriculumId, Instant until, int limit) {
    return session
        .createSelectionQuery(
            "from QuestionCard c where c.learnerId = :learner and c.curriculumId = :curriculum"
                + " and c.due <= :until order by c.due, c.id",
            QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("until", until)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long dueCount(Long learnerId, String curriculumId, Instant until) {
    return session
        .createSelectionQuery(
            "select count(c) from QuestionCard c where c.learnerId = :learner"
                + " and c.curriculumId = :curriculum and c.due <= :until",
            Long.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .setParameter("until", until)
        .getSingleResult();
  }

  @Override
  public List<QuestionCard> cards(Long learnerId, String curriculumId) {
    return session
        .createSelectionQuery(
            "from QuestionCard c where c.learnerId = :learner and c.curriculumId = :curriculum",
            QuestionCard.class)
        .setParameter("learner", learnerId)
        .setParameter("curriculum", curriculumId)
        .getResultList();
  }

  @Override
  public long reviewsDeliveredOn(Long enrollmentId, LocalDate day) {
    return session
        .createSelectionQuery(
            "select count(qq) from QuizQuestion qq, Quiz q where qq.quizId = q.id"
                + " and q.enrollmentId = :enrollment and q.localDay = :day and qq.review = true",
            Long.class)
        .setParameter("enrollment", enrollmentId)
        .setParameter("day", day)
        .getSingleResult();
  }

  @Override
  public Optional<DeliverySchedule> schedule(
      @Nullable Long learnerId, @Nullable Long groupId, DeliveryKind kind) {
    String owner = learnerId != null ? "s.learnerId = :owner" : "s.groupId = :owner";
    return session
        .createSelectionQuery(
            "from DeliverySchedule s where " + owner + " and s.kind = :kind",
            DeliverySchedule.class)
        .setParameter("owner", learnerId != null ? learnerId : groupId)
        .setParameter("kind", kind.name())
        .uniqueResultOptional();
  }

  @Override
  public void addSchedule(DeliverySchedule schedule) {
    session.persist(schedule);
  }

  @Override
  public Optional<Learner> learner(Long learnerId) {
    return Optional.ofNullable(session.find(Learner.class, learnerId));
  }

  @Override
  public Optional<StudyGroup> group(Long groupId) {
    return Optional.ofNullable(session.find(StudyGroup.class, groupId));
  }

  @Override
  public List<LeaderboardRow> leaderboard(ChatRef group) {
    List<Object[]> rows =
        session
            .createSelectionQuery(
                "select a.learnerId, count(distinct q.topicId), count(a),"
                    + " sum(case when a.correct then 1 else 0 end)"
                    + " from QuizAttempt a, QuizQuestion qq, Quiz q"
                    + " where a.quizQuestionId = qq.id and qq.quizId = q.id"
                    + " and q.chatPlatform = :platform and q.chatId = :chat"
                    + " group by a.learnerId",
                Object[].class)
            .setParameter("platform", group.platform().name())
            .setParameter("chat", group.id())
            .getResultList();
    List<LeaderboardRow> board = new ArrayList<>();
    for (Object[] row : rows) {
      Learner learner = session.find(Learner.class, row[0]);
      long topicsDone = ((Number) row[1]).longValue();
      LearnerStats stats =
          new LearnerStats(((Number) row[2]).longValue(), ((Number) row[3]).longValue());
      board.add(new LeaderboardRow(learner, topicsDone, stats));
    }
    board.sort(
        Comparator.comparingLong(LeaderboardRow::topicsDone)
            .thenComparingLong(row -> row.statsInGroup().correct())
            .reversed()
            .thenComparing(row -> row.learner().displayName()));
    return board;
  }
}
