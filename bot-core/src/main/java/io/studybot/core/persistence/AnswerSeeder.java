package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.study.QuestionRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fills a database with many onboarded learners, each with an open quiz delivered to their private
 * Telegram chat today, fast, for the answers benchmark. Ids are given explicitly and in order, so
 * the seeded rows are found by arithmetic instead of being held in memory. Not used by the bot.
 */
public final class AnswerSeeder {
  private static final int BATCH = 5_000;
  private static final String[] TABLES = {
    "learner", "platform_account", "enrollment", "quiz", "quiz_question"
  };

  private AnswerSeeder() {}

  /**
   * Where the seeded rows are: learner {@code i} (from 0) has learner id {@code firstLearnerId +
   * i}, the Telegram account and private chat {@link #externalId}, and the delivered questions
   * {@link #questionId}.
   */
  public record Seeded(long firstLearnerId, long firstQuestionId, int learners, int questionsEach) {
    public String externalId(int learner) {
      return "answer-" + (firstLearnerId + learner);
    }

    /** The name the learner has on the platform, as stored. */
    public String displayName(int learner) {
      return "learner " + (firstLearnerId + learner);
    }

    public long questionId(int learner, int index) {
      return firstQuestionId + (long) learner * questionsEach + index;
    }
  }

  /**
   * Adds {@code learners} learners (zone UTC, English, last seen {@code now}), each enrolled in
   * {@code curriculumId} at position 0 with an open quiz on {@code topicId} for today (UTC) holding
   * {@code questions} in order.
   */
  public static Seeded seedOpenQuizzes(
      Database database,
      int learners,
      String curriculumId,
      String topicId,
      List<QuestionRef> questions,
      Instant now) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      long learner = nextId(connection, "learner");
      long account = nextId(connection, "platform_account");
      long enrollment = nextId(connection, "enrollment");
      long quiz = nextId(connection, "quiz");
      long question = nextId(connection, "quiz_question");
      Seeded seeded = new Seeded(learner, question, learners, questions.size());
      insertLearners(connection, seeded, now);
      insertAccounts(connection, seeded, account);
      insertEnrollments(connection, seeded, enrollment, curriculumId, now);
      insertQuizzes(connection, seeded, quiz, enrollment, topicId, now);
      insertQuestions(connection, seeded, quiz, questions);
      for (String table : TABLES) {
        continueIdentity(connection, database.dialect(), table);
      }
      connection.commit();
      return seeded;
    } catch (SQLException e) {
      throw new IllegalStateException("seeding quizzes failed: " + e.getMessage(), e);
    }
  }

  private static long nextId(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void insertLearners(Connection connection, Seeded seeded, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into learner (id, display_name, language, zone, lesson_time, quiz_time,"
                + " paused, onboarded, streak_current, streak_best, created_at,"
                + " home_chat_platform, home_chat_id, last_seen_at, dormant)"
                + " values (?, ?, 'en', 'UTC', ?, ?, false, true, 0, 0, ?, 'TELEGRAM', ?, ?,"
                + " false)")) {
      for (int i = 0; i < seeded.learners(); i++) {
        long id = seeded.firstLearnerId() + i;
        insert.setLong(1, id);
        insert.setString(2, seeded.displayName(i));
        insert.setObject(3, LocalTime.of(9, 0));
        insert.setObject(4, LocalTime.of(20, 0));
        insert.setObject(5, utc(now));
        insert.setString(6, seeded.externalId(i));
        insert.setObject(7, utc(now));
        addToBatch(insert, i);
      }
      insert.executeBatch();
    }
  }

  private static void insertAccounts(Connection connection, Seeded seeded, long firstId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into platform_account (id, platform, external_id, learner_id)"
                + " values (?, 'TELEGRAM', ?, ?)")) {
      for (int i = 0; i < seeded.learners(); i++) {
        insert.setLong(1, firstId + i);
        insert.setString(2, seeded.externalId(i));
        insert.setLong(3, seeded.firstLearnerId() + i);
        addToBatch(insert, i);
      }
      insert.executeBatch();
    }
  }

  private static void insertEnrollments(
      Connection connection, Seeded seeded, long firstId, String curriculumId, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into enrollment (id, learner_id, curriculum_id, position, started_at,"
                + " last_lesson_day) values (?, ?, ?, 0, ?, ?)")) {
      for (int i = 0; i < seeded.learners(); i++) {
        insert.setLong(1, firstId + i);
        insert.setLong(2, seeded.firstLearnerId() + i);
        insert.setString(3, curriculumId);
        insert.setObject(4, utc(now));
        insert.setObject(5, now.atOffset(ZoneOffset.UTC).toLocalDate());
        addToBatch(insert, i);
      }
      insert.executeBatch();
    }
  }

  private static void insertQuizzes(
      Connection connection,
      Seeded seeded,
      long firstId,
      long firstEnrollment,
      String topicId,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into quiz (id, enrollment_id, topic_id, chat_platform, chat_id, local_day,"
                + " created_at, closed, review) values (?, ?, ?, 'TELEGRAM', ?, ?, ?, false,"
                + " false)")) {
      for (int i = 0; i < seeded.learners(); i++) {
        insert.setLong(1, firstId + i);
        insert.setLong(2, firstEnrollment + i);
        insert.setString(3, topicId);
        insert.setString(4, seeded.externalId(i));
        insert.setObject(5, now.atOffset(ZoneOffset.UTC).toLocalDate());
        insert.setObject(6, utc(now));
        addToBatch(insert, i);
      }
      insert.executeBatch();
    }
  }

  private static void insertQuestions(
      Connection connection, Seeded seeded, long firstQuiz, List<QuestionRef> questions)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into quiz_question (id, quiz_id, ordinal, topic_id, question_id, review)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      int row = 0;
      for (int i = 0; i < seeded.learners(); i++) {
        for (int q = 0; q < questions.size(); q++, row++) {
          insert.setLong(1, seeded.questionId(i, q));
          insert.setLong(2, firstQuiz + i);
          insert.setInt(3, q);
          insert.setString(4, questions.get(q).topicId());
          insert.setString(5, questions.get(q).questionId());
          insert.setBoolean(6, questions.get(q).review());
          addToBatch(insert, row);
        }
      }
      insert.executeBatch();
    }
  }

  private static void addToBatch(PreparedStatement insert, int row) throws SQLException {
    insert.addBatch();
    if ((row + 1) % BATCH == 0) {
      insert.executeBatch();
    }
  }

  /** Identity columns must continue after the ids given explicitly. */
  private static void continueIdentity(Connection connection, SqlDialect dialect, String table)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (dialect.isPostgres()) {
        statement.execute(
            "select setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), (select max(id) from "
                + table
                + "))");
      } else {
        statement.execute(
            "alter table "
                + table
                + " alter column id restart with (select max(id) + 1 from "
                + table
                + ")");
      }
    }
  }
}
