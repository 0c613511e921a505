package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.study.AnswerOutcome;
import io.studybot.core.study.DeliveredQuestion;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.GroupWeek;
import io.studybot.core.study.LeaderboardRow;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerStats;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.QuizRepository;
import io.studybot.core.study.QuizResults;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Quizzes and answers on one Hibernate session. Answers are written only here, in plain SQL that
 * inserts unless the learner answered already, so a double tap is an outcome and not an error.
 */
final class HibernateQuizRepository implements QuizRepository {
  private static final String ATTEMPT_COLUMNS =
      "quiz_question_id, learner_id, choice, correct, answered_at";
  private static final String TALLY =
      "select count(qq.id), count(a.id), coalesce(sum(case when a.correct then 1 else 0 end), 0)"
          + " from quiz_question qq left join quiz_attempt a"
          + " on a.quiz_question_id = qq.id and a.learner_id = ?"
          + " where qq.quiz_id = (select quiz_id from quiz_question where id = ?)";

  /**
   * PostgreSQL inserts and tallies in one statement. The tally reads the snapshot from before the
   * insert, so the new row is added to it: {@code added} holds it, or nothing after a double tap.
   */
  private static final String INSERT_AND_TALLY =
      "with added as (insert into quiz_attempt ("
          + ATTEMPT_COLUMNS
          + ") values (?, ?, ?, ?, ?) on conflict (quiz_question_id, learner_id) do nothing"
          + " returning correct)"
          + " select count(qq.id), count(a.id) + (select count(*) from added),"
          + " coalesce(sum(case when a.correct then 1 else 0 end), 0)"
          + " + (select count(*) from added where correct), (select count(*) from added)"
          + " from quiz_question qq left join quiz_attempt a"
          + " on a.quiz_question_id = qq.id and a.learner_id = ?"
          + " where qq.quiz_id = (select quiz_id from quiz_question where id = ?)";

  private final Session session;
  private final String insertAttempt;
  private final boolean keyRepeated;
  private final boolean postgres;

  HibernateQuizRepository(Session session, SqlDialect dialect) {
    this.session = session;
    this.postgres = dialect.isPostgres();
    this.keyRepeated = !dialect.isPostgres();
    this.insertAttempt =
        dialect.insertIfAbsent(
            "quiz_attempt", ATTEMPT_COLUMNS, "?, ?, ?, ?, ?", "quiz_question_id", "learner_id");
  }

  @Override
  public List<QuizQuestion> add(Quiz quiz, List<QuestionRef> refs) {
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
  public List<QuizQuestion> questionsOf(long quizId) {
    return session
        .createSelectionQuery(
            "from QuizQuestion q where q.quizId = :quiz order by q.ordinal", QuizQuestion.class)
        .setParameter("quiz", quizId)
        .getResultList();
  }

  @Override
  public Optional<Quiz> openQuiz(long enrollmentId, boolean review) {
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
  public Optional<DeliveredQuestion> delivered(long quizQuestionId) {
    return session
        .createSelectionQuery(
            "select qq, q, e from QuizQuestion qq, Quiz q, Enrollment e"
                + " where q.id = qq.quizId and e.id = q.enrollmentId and qq.id = :id",
            Object[].class)
        .setParameter("id", quizQuestionId)
        .uniqueResultOptional()
        .map(
            row ->
                new DeliveredQuestion((QuizQuestion) row[0], (Quiz) row[1], (Enrollment) row[2]));
  }

  @Override
  public List<QuizQuestion> unanswered(long quizId, long learnerId) {
    return session
        .createSelectionQuery(
            "from QuizQuestion qq where qq.quizId = :quiz and not exists"
                + " (select 1 from QuizAttempt a where a.quizQuestionId = qq.id"
                + " and a.learnerId = :learner) order by qq.ordinal",
            QuizQuestion.class)
        .setParameter("quiz", quizId)
        .setParameter("learner", learnerId)
        .getResultList();
  }

  @Override
  public AnswerOutcome recordAnswer(QuizAttempt attempt) {
    session.flush(); // plain SQL follows: the session's pending changes go first
    return session.doReturningWork(
        connection -> {
          if (postgres) {
            return insertAndTally(connection, attempt);
          }
          boolean recorded = insert(connection, attempt);
          return tally(connection, attempt, recorded);
        });
  }

  private static AnswerOutcome insertAndTally(Connection connection, QuizAttempt attempt)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_AND_TALLY)) {
      statement.setLong(1, attempt.quizQuestionId());
      statement.setLong(2, attempt.learnerId());
      statement.setInt(3, attempt.choice());
      statement.setBoolean(4, attempt.correct());
      statement.setObject(5, utc(attempt.answeredAt()));
      statement.setLong(6, attempt.learnerId());
      statement.setLong(7, attempt.quizQuestionId());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return new AnswerOutcome(
            result.getLong(4) == 1, result.getLong(2), result.getLong(3), result.getLong(1));
      }
    }
  }

  private boolean insert(Connection connection, QuizAttempt attempt) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertAttempt)) {
      insert.setLong(1, attempt.quizQuestionId());
      insert.setLong(2, attempt.learnerId());
      insert.setInt(3, attempt.choice());
      insert.setBoolean(4, attempt.correct());
      insert.setObject(5, utc(attempt.answeredAt()));
      if (keyRepeated) {
        insert.setLong(6, attempt.quizQuestionId());
        insert.setLong(7, attempt.learnerId());
      }
      return insert.executeUpdate() == 1;
    }
  }

  private static AnswerOutcome tally(Connection connection, QuizAttempt attempt, boolean recorded)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(TALLY)) {
      select.setLong(1, attempt.learnerId());
      select.setLong(2, attempt.quizQuestionId());
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return new AnswerOutcome(recorded, result.getLong(2), result.getLong(3), result.getLong(1));
      }
    }
  }

  @Override
  public QuizResults results(long quizId) {
    String answersToQuiz =
        " from QuizAttempt a, QuizQuestion qq where a.quizQuestionId = qq.id"
            + " and qq.quizId = :quiz and a.choice >= 0";
    long members =
        session
            .createSelectionQuery("select count(distinct a.learnerId)" + answersToQuiz, Long.class)
            .setParameter("quiz", quizId)
            .getSingleResult();
    Map<Long, QuizResults.Tally> byQuestion = new HashMap<>();
    session
        .createSelectionQuery(
            "select qq.id, count(a), sum(case when a.correct then 1 else 0 end)"
                + answersToQuiz
                + " group by qq.id",
            Object[].class)
        .setParameter("quiz", quizId)
        .getResultList()
        .forEach(
            row ->
                byQuestion.put(
                    number(row[0]), new QuizResults.Tally(number(row[1]), number(row[2]))));
    return new QuizResults(members, byQuestion);
  }

  @Override
  public Set<String> answeredQuestionIds(long learnerId, String topicId) {
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
  public LearnerStats stats(long learnerId) {
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
  public long reviewsDeliveredOn(long enrollmentId, LocalDate day) {
    return session
        .createSelectionQuery(
            "select count(qq) from QuizQuestion qq, Quiz q where qq.quizId = q.id"
                + " and q.enrollmentId = :enrollment and q.localDay = :day and qq.review = true",
            Long.class)
        .setParameter("enrollment", enrollmentId)
        .setParameter("day", day)
        .getSingleResult();
  }

  /** One query: each member's answers in the group's quizzes, joined to the member. */
  @Override
  public List<LeaderboardRow> leaderboard(ChatRef group) {
    List<Object[]> rows =
        session
            .createSelectionQuery(
                "select l, count(distinct q.topicId), count(a),"
                    + " sum(case when a.correct then 1 else 0 end)"
                    + " from QuizAttempt a, QuizQuestion qq, Quiz q, Learner l"
                    + " where a.quizQuestionId = qq.id and qq.quizId = q.id and l.id = a.learnerId"
                    + " and q.chat.platform = :platform and q.chat.chatId = :chat"
                    + " and l.hidden = false group by l",
                Object[].class)
            .setParameter("platform", group.platform())
            .setParameter("chat", group.id())
            .getResultList();
    List<LeaderboardRow> board = new ArrayList<>();
    for (Object[] row : rows) {
      LearnerStats stats =
          new LearnerStats(((Number) row[2]).longValue(), ((Number) row[3]).longValue());
      board.add(new LeaderboardRow((Learner) row[0], ((Number) row[1]).longValue(), stats));
    }
    board.sort(
        Comparator.comparingLong(LeaderboardRow::topicsDone)
            .thenComparingLong(r -> r.statsInGroup().correct())
            .reversed()
            .thenComparing(r -> r.learner().displayName()));
    return board;
  }

  @Override
  public List<Instant> answerTimes(long learnerId, Instant since) {
    return session
        .createSelectionQuery(
            "select a.answeredAt from QuizAttempt a where a.learnerId = :learner"
                + " and a.choice >= 0 and a.answeredAt >= :since order by a.answeredAt",
            Instant.class)
        .setParameter("learner", learnerId)
        .setParameter("since", since)
        .getResultList();
  }

  @Override
  public GroupWeek groupWeek(ChatRef group, Instant from, Instant to) {
    String inWeek =
        " from QuizAttempt a, QuizQuestion qq, Quiz q where a.quizQuestionId = qq.id"
            + " and qq.quizId = q.id and q.chat.platform = :platform and q.chat.chatId = :chat"
            + " and a.choice >= 0 and a.answeredAt >= :from and a.answeredAt < :to";
    List<GroupWeek.Member> members =
        inWeek(
                "select l.displayName, count(a), sum(case when a.correct then 1 else 0 end)"
                    + inWeek.replace(" where ", ", Learner l where l.id = a.learnerId and ")
                    + " and l.hidden = false group by l.id, l.displayName"
                    + " order by count(a) desc, l.displayName",
                Object[].class,
                group,
                from,
                to)
            .stream()
            .map(row -> new GroupWeek.Member((String) row[0], number(row[1]), number(row[2])))
            .toList();
    List<GroupWeek.QuestionStats> questions =
        inWeek(
                "select qq.topicId, qq.questionId, count(a),"
                    + " sum(case when a.correct then 1 else 0 end)"
                    + inWeek
                    + " group by qq.topicId, qq.questionId",
                Object[].class,
                group,
                from,
                to)
            .stream()
            .map(
                row ->
                    new GroupWeek.QuestionStats(
                        (String) row[0], (String) row[1], number(row[2]), number(row[3])))
            .toList();
    Set<String> topics =
        new HashSet<>(
            inWeek(
                "select distinct q.topicId from Quiz q where q.chat.platform = :platform"
                    + " and q.chat.chatId = :chat and q.review = false"
                    + " and q.createdAt >= :from and q.createdAt < :to",
                String.class,
                group,
                from,
                to));
    return new GroupWeek(members, topics, questions);
  }

  /** A query about one group chat between two instants. */
  private <T> List<T> inWeek(String hql, Class<T> type, ChatRef group, Instant from, Instant to) {
    return session
        .createSelectionQuery(hql, type)
        .setParameter("platform", group.platform())
        .setParameter("chat", group.id())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
