package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.schedule.DeliveryKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Fills a database with many learners whose lesson is due at one instant, fast, for the dispatch
 * benchmark and the load tests. Not used by the bot itself.
 */
public final class ScheduleSeeder {
  private static final int BATCH = 5_000;

  private ScheduleSeeder() {}

  /**
   * Adds {@code count} learners, each with a private Telegram chat and a lesson due at {@code due}.
   */
  public static void seedDueLearners(Database database, int count, Instant due) {
    seedDueLearners(database, count, due, DeliveryKind.LESSON);
  }

  /** Adds {@code count} learners, each with a private Telegram chat and a delivery due. */
  public static void seedDueLearners(Database database, int count, Instant due, DeliveryKind kind) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      long firstId = nextLearnerId(connection);
      insertLearners(connection, database.dialect(), count, due);
      insertSchedules(connection, firstId, count, due, kind);
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
    }
  }

  private static long nextLearnerId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select coalesce(max(id), 0) + 1 from learner")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void insertLearners(
      Connection connection, SqlDialect dialect, int count, Instant now) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into learner (id, display_name, language, zone, lesson_time, quiz_time, paused, onboarded,"
                + " streak_current, streak_best, created_at, home_chat_platform, home_chat_id, last_seen_at, dormant)"
                + " values (?, ?, 'en', 'UTC', ?, ?, false, true, 0, 0, ?, 'TELEGRAM', ?, ?, false)")) {
      long id = nextLearnerId(connection);
      for (int i = 0; i < count; i++, id++) {
        insert.setLong(1, id);
        insert.setString(2, "learner " + id);
        insert.setObject(3, LocalTime.of(9, 0));
        insert.setObject(4, LocalTime.of(20, 0));
        insert.setObject(5, utc(now));
        insert.setString(6, "seed-" + id);
        insert.setObject(7, utc(now));
        insert.addBatch();
        if ((i + 1) % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement statement = connection.createStatement()) {
      // Identity columns must continue after the ids given explicitly.
      if (dialect.isPostgres()) {
        statement.execute(
            "select setval(pg_get_serial_sequence('learner', 'id'), (select max(id) from learner))");
      } else {
        statement.execute(
            "alter table learner alter column id restart with (select max(id) + 1 from learner)");
      }
    }
  }

  private static void insertSchedules(
      Connection connection, long firstId, int count, Instant due, DeliveryKind kind)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into delivery_schedule (learner_id, kind, zone, local_time, chat_platform, chat_id, chat_kind,"
                + " active, next_due) values (?, ?, 'UTC', ?, 'TELEGRAM', ?, 'PRIVATE', true, ?)")) {
      LocalTime time = due.atOffset(ZoneOffset.UTC).toLocalTime();
      for (int i = 0; i < count; i++) {
        long id = firstId + i;
        insert.setLong(1, id);
        insert.setString(2, kind.name());
        insert.setObject(3, time);
        insert.setString(4, "seed-" + id);
        insert.setObject(5, utc(due));
        insert.addBatch();
        if ((i + 1) % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /**
   * Adds {@code count} subscribed Telegram groups (chat ids {@code -1000001…}), each with a
   * delivery of {@code kind} due at {@code due}.
   */
  public static void seedDueGroups(Database database, int count, Instant due, DeliveryKind kind) {
    LocalTime time = due.atOffset(ZoneOffset.UTC).toLocalTime();
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 1; i <= count; i++) {
        String chat = String.valueOf(-1_000_000 - i);
        long group = insertGroup(connection, chat, time, due);
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into delivery_schedule (group_id, kind, zone, local_time, chat_platform,"
                    + " chat_id, chat_kind, active, next_due)"
                    + " values (?, ?, 'UTC', ?, 'TELEGRAM', ?, 'GROUP', true, ?)")) {
          insert.setLong(1, group);
          insert.setString(2, kind.name());
          insert.setObject(3, time);
          insert.setString(4, chat);
          insert.setObject(5, utc(due));
          insert.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("seeding groups failed: " + e.getMessage(), e);
    }
  }

  private static long insertGroup(Connection connection, String chat, LocalTime time, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into study_group (platform, chat_id, language, zone, lesson_time, quiz_time,"
                + " created_at, subscribed) values ('TELEGRAM', ?, 'en', 'UTC', ?, ?, ?, true)",
            new String[] {"id"})) {
      insert.setString(1, chat);
      insert.setObject(2, time);
      insert.setObject(3, time);
      insert.setObject(4, utc(now));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
