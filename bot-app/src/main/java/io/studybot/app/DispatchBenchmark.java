package io.studybot.app;

import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.BenchmarkDatabase;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.schedule.Dispatcher;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench dispatch --learners N}: N learners due in one minute in a fresh schema, one dispatch
 * run to completion, and, in the same run, the raw batched INSERT rate of as many outbox-shaped
 * rows into the same database, for comparison.
 */
final class DispatchBenchmark {
  private final PrintStream out;

  DispatchBenchmark(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args, DatabaseSettings base) {
    int learners = BenchArgs.positive(args, "--learners", 100_000);
    String schema = "bench_" + System.currentTimeMillis();
    DatabaseSettings settings = BenchmarkDatabase.createScratchSchema(base, schema);
    try (Database database = Database.open(settings)) {
      Instant due = Instant.now().minusSeconds(30);
      out.printf("seeding %d learners due at %s in schema %s%n", learners, due, schema);
      ScheduleSeeder.seedDueLearners(database, learners, due);

      Dispatcher dispatcher =
          new Dispatcher(
              new JdbcDispatchStore(database),
              Clock.systemUTC(),
              StudyRules.DEFAULT.silenceLimit());
      long start = System.nanoTime();
      int queued = dispatcher.tick();
      double dispatchSeconds = (System.nanoTime() - start) / 1e9;

      double rawSeconds = BenchmarkDatabase.rawOutboxInsertSeconds(database, learners);
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
      BenchmarkDatabase.dropScratchSchema(base, schema);
    }
  }
}
