package io.studybot.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded database for a write it could not make. When its file system is full or
 * turns read-only, H2 stops and closes the database; carrying on would answer every user with an
 * apology and store nothing, so the watch reports it once and the bot stops.
 */
public final class StorageWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StorageWatch.class);

  /** H2's codes for a database that is closed, read-only, or failed writing its file. */
  private static final java.util.Set<Integer> BROKEN = java.util.Set.of(90028, 90097, 90098, 90121);

  private final ScheduledExecutorService timer;

  private StorageWatch(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Tells {@code broken}, once, of a write the database could not make: one a transaction met, or
   * one found by a check every {@code period}.
   */
  public static StorageWatch start(Database database, Duration period, Consumer<Throwable> broken) {
    database.onBrokenStorage(broken);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "storage-watch");
              thread.setDaemon(true);
              return thread;
            });
    StorageWatch watch = new StorageWatch(timer);
    var unused =
        timer.scheduleWithFixedDelay(
            () -> watch.check(database),
            period.toMillis(),
            period.toMillis(),
            TimeUnit.MILLISECONDS);
    return watch;
  }

  private void check(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select 1");
    } catch (SQLException | RuntimeException e) {
      log.debug("Storage check failed", e);
      database.failed(e);
    }
  }

  /** Whether the failure says the embedded database can no longer write its file. */
  static boolean storageBroken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && BROKEN.contains(sql.getErrorCode())) {
        return true;
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("No space left on device") || message.contains("Read-only file")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
