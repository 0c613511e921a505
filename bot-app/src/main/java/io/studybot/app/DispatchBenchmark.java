package io.studybot.app;

import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.schedule.Dispatcher;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench dispatch --learners N}: N learners due in one minute in a fresh schema, one dispatch
 * run to completion, and, in the same run, the raw batched INSERT rate of as many outbox-shaped
 * rows into the same database, for comparison.
 */
final class DispatchBenchmark {
  private static final int RAW_BATCH = Dispatcher.BATCH_SIZE;

  private final PrintStream out;

  DispatchBenchmark(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args, DatabaseSettings base) throws SQLException {
    int learners = learners(args);
    String schema = "bench_" + System.currentTimeMillis();
    execute(base, "create schema " + schema);
    DatabaseSettings settings = inSchema(base, schema);
    try (Database database = Database.open(settings)) {
      Instant due = Instant.now().minusSeconds(30);
      out.printf("seeding %d learners due at %s in schema %s%n", learners, due, schema);
      ScheduleSeeder.seedDueLearners(database, learners, due);

      Dispatcher dispatcher =
          new Dispatcher(new JdbcDispatchStore(database), Clock.systemUTC(), Duration.ofDays(3));
      long start = System.nanoTime();
      int queued = dispatcher.tick();
      double dispatchSeconds = (System.nanoTime() - start) / 1e9;

      double rawSeconds = rawInsert(database, learners);
      double dispatchRate = queued / dispatchSeconds;
      double rawRate = learners / rawSeconds;
      out.println(
          String.format(
              Locale.ROOT,
              "dispatch: %d deliveries queued in %.1f s (%.0f/s); raw insert %.0f/s; ratio %.2f",
              queued,
              dispatchSeconds,
              dispatchRate,
              rawRate,
              dispatchRate / rawRate));
      return queued == learners ? 0 : 1;
    } finally {
      execute(base, "drop schema " + schema + " cascade");
    }
  }

  /** The same rows the dispatch writes, batched and committed the same way, with nothing else. */
  private static double rawInsert(Database database, int rows) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table outbox_raw (like outbox including all)");
      }
      connection.setAutoCommit(false);
      String sql =
          "insert into outbox_raw (idempotency_key, learner_id, group_id, kind, local_date, chat_platform,"
              + " chat_id, chat_kind, status, attempts, not_before, created_at)"
              + " values (?, ?, null, 'LESSON', ?, 'TELEGRAM', ?, 'PRIVATE', 'PENDING', 0, ?, ?)";
      long start = System.nanoTime();
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < rows; i++) {
          insert.setString(1, "R" + i + ":LESSON:" + today);
          insert.setLong(2, i);
          insert.setObject(3, today);
          insert.setString(4, "raw-" + i);
          insert.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
          insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
          insert.addBatch();
          if ((i + 1) % RAW_BATCH == 0 || i == rows - 1) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static int learners(List<String> args) {
    int index = args.indexOf("--learners");
    if (index < 0 || index + 1 >= args.size()) {
      return 100_000;
    }
    try {
      int count = Integer.parseInt(args.get(index + 1));
      if (count > 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "--learners: expected a positive whole number, got '" + args.get(index + 1) + "'");
  }

  private static DatabaseSettings inSchema(DatabaseSettings base, String schema) {
    String separator = base.url().contains("?") ? "&" : "?";
    return new DatabaseSettings(
        base.url() + separator + "currentSchema=" + schema, base.user(), base.password(), 4);
  }

  private static void execute(DatabaseSettings settings, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
