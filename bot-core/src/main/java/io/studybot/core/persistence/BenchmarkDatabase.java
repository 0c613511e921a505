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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark commands need from PostgreSQL beyond the bot's own stores: a scratch schema to
 * run in, and the database's own rate for plain writes of the same shape, to compare against. Not
 * used by the bot itself.
 */
public final class BenchmarkDatabase {
  private BenchmarkDatabase() {}

  /** Creates a fresh schema and returns settings that work in it. */
  public static DatabaseSettings createScratchSchema(DatabaseSettings base, String schema) {
    return createScratchSchema(base, schema, 4);
  }

  /** The same with a pool of {@code poolSize} connections. */
  public static DatabaseSettings createScratchSchema(
      DatabaseSettings base, String schema, int poolSize) {
    execute(base, "create schema " + schema);
    String separator = base.url().contains("?") ? "&" : "?";
    return new DatabaseSettings(
        base.url() + separator + "currentSchema=" + schema, base.user(), base.password(), poolSize);
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

  /**
   * The database's own rate for the simplest write transaction, like {@code pgbench -N}'s: on
   * {@code threads} connections at once, each transaction updates one random learner's last-seen
   * time among ids {@code firstId .. firstId + count - 1}, committed alone. Counts what commits
   * between {@code measureFrom} and {@code until} (System.nanoTime), and returns transactions per
   * second.
   */
  public static double simpleUpdateRate(
      Database database, long firstId, int count, int threads, long measureFrom, long until) {
    AtomicLong done = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  done.addAndGet(updateUntil(database, firstId, count, measureFrom, until));
                } catch (SQLException | RuntimeException e) {
                  failures.add(e);
                }
              },
              "simple-update-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          "the simple update failed: " + failures.get(0), failures.get(0));
    }
    return done.get() / ((until - measureFrom) / 1e9);
  }

  private static long updateUntil(
      Database database, long firstId, int count, long measureFrom, long until)
      throws SQLException {
    long counted = 0;
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement update =
            connection.prepareStatement("update learner set last_seen_at = ? where id = ?")) {
      connection.setAutoCommit(true);
      while (true) {
        long start = System.nanoTime();
        if (start >= until) {
          return counted;
        }
        update.setObject(1, utc(Instant.now()));
        update.setLong(2, firstId + ThreadLocalRandom.current().nextInt(count));
        update.executeUpdate();
        if (start >= measureFrom) {
          counted++;
        }
      }
    }
  }

  /**
   * Starts a measured phase from a fresh checkpoint, so that neither phase of a comparison has the
   * checkpoint that the other's writes brought on (its page writes and flushes cost 20-50 % of a
   * phase's rate on this machine). False when the user may not ask for one.
   */
  public static boolean checkpoint(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("checkpoint");
      return true;
    } catch (SQLException e) {
      return false;
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
