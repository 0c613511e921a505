package io.studybot.app;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Start-up steps that finish on a thread of their own while the bot already answers, such as the
 * delivery jobs in the console. Closing waits until the steps are done, then closes what they
 * started, newest first; so a shutdown during the start never leaves a job running on a closed
 * database.
 */
final class LateStart implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
  private final CountDownLatch done = new CountDownLatch(1);

  private LateStart() {}

  /**
   * Runs {@code steps}, which push what they start onto the deque they get; if they fail, {@code
   * failed} gets the failure once this start counts as done.
   */
  static LateStart begin(
      String name, Consumer<Deque<AutoCloseable>> steps, Consumer<StartupFailure> failed) {
    LateStart late = new LateStart();
    Thread thread = new Thread(() -> late.run(steps, failed), name);
    thread.setDaemon(true);
    thread.start();
    return late;
  }

  private void run(Consumer<Deque<AutoCloseable>> steps, Consumer<StartupFailure> failed) {
    @Nullable StartupFailure failure = null;
    try {
      steps.accept(started);
    } catch (StartupFailure e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new StartupFailure(StartupFailure.FAILED, String.valueOf(e.getMessage()), e);
    } finally {
      done.countDown();
    }
    if (failure != null) {
      failed.accept(failure);
    }
  }

  @Override
  public void close() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopped while waiting: the process is ending anyway
    }
    Main.closeAll(started);
  }
}
