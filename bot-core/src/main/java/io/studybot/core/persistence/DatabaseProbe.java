package io.studybot.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Asks the database {@code select 1} for a health check, waiting at most {@code timeout}: a pool
 * waiting for a connection that will not come (its own wait is much longer) answers "no answer".
 * One probe runs at a time; checks that come while it runs wait for the same answer.
 */
public final class DatabaseProbe implements AutoCloseable {
  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread probe = new Thread(runnable, "database-probe");
            probe.setDaemon(true);
            return probe;
          });
  private @Nullable CompletableFuture<Optional<String>> running;

  public DatabaseProbe(Database database, Duration timeout) {
    this.dataSource = database.dataSource();
    this.timeout = timeout;
  }

  /** Empty when the database answered in time; else what is wrong, in one line. */
  public Optional<String> problem() {
    CompletableFuture<Optional<String>> probe = current();
    try {
      return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of("no answer to select 1 within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      return Optional.of("the probe failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private synchronized CompletableFuture<Optional<String>> current() {
    CompletableFuture<Optional<String>> probe = running;
    if (probe == null || probe.isDone()) {
      probe = CompletableFuture.supplyAsync(this::ask, thread);
      running = probe;
    }
    return probe;
  }

  private Optional<String> ask() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("select 1")) {
      select.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      select.executeQuery().close();
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.of(oneLine(e.getMessage()));
    }
  }

  private static String oneLine(@Nullable String message) {
    String text = message == null ? "no details" : message.strip();
    int newline = text.indexOf('\n');
    text = newline < 0 ? text : text.substring(0, newline);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
