package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.schedule.Dispatcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the benchmark commands need from PostgreSQL beyond the bot's own stores: a scratch schema to
 * run in, and the database's own rate for plain writes of the same shape, to compare against. Not
 * used by the bot itself.
 */
public final class BenchmarkDatabase {
  private BenchmarkDatabase() {}

  /** Creates a fresh schema and returns settings that work in it. */
  public static DatabaseSettings createScratchSchema(DatabaseSettings base, String schema) {
    execute(base, "create schema " + schema);
    String separator = base.url().contains("?") ? "&" : "?";
    return new DatabaseSettings(
        base.url() + separator + "currentSchema=" + schema, base.user(), base.password(), 4);
  }

  public static void dropScratchSchema(DatabaseSettings base, String schema) {
    execute(base, "drop schema " + schema + " cascade");
  }

  /**
   * Seconds to insert {@code rows} outbox-shaped rows into a copy of the outbox, batched and
   * committed as the dispatch tick batches them, with nothing else.
   */
  public static double rawOutboxInsertSeconds(Database database, int rows) {
    try (Connection connection = database.dataSource().getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table outbox_raw (like outbox including all)");
      }
      connection.setAutoCommit(false);
      String sql =
          "insert into outbox_raw (idempotency_key, learner_id, group_id, kind, local_date,"
              + " chat_platform, chat_id, chat_kind, status, attempts, not_before, created_at)"
              + " values (?, ?, null, 'LESSON', ?, 'TELEGRAM', ?, 'PRIVATE', 'PENDING', 0, ?, ?)";
      long start = System.nanoTime();
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < rows; i++) {
          insert.setString(1, "R" + i + ":LESSON:" + today);
          insert.setLong(2, i);
          insert.setObject(3, today);
          insert.setString(4, "raw-" + i);
          insert.setObject(5, utc(Instant.now()));
          insert.setObject(6, utc(Instant.now()));
          insert.addBatch();
          if ((i + 1) % Dispatcher.BATCH_SIZE == 0 || i == rows - 1) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
      return (System.nanoTime() - start) / 1e9;
    } catch (SQLException e) {
      throw new IllegalStateException("the raw insert failed: " + firstLine(e), e);
    }
  }

  private static void execute(DatabaseSettings settings, String sql) {
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("the benchmark database failed: " + firstLine(e), e);
    }
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
