package io.studybot.core.schedule;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's sender, on its own thread: drains the outbox, rests a moment when it is empty,
 * and drains again. A failed drain is logged and the next one tries again.
 */
public final class SendLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final OutboxSender sender;
  private final Thread thread;
  private final ExecutorService workers;
  private volatile boolean running = true;

  private SendLoop(OutboxSender sender, ExecutorService workers, Duration rest) {
    this.sender = sender;
    this.workers = workers;
    this.thread = new Thread(() -> run(sender, rest), "outbox-sender");
    this.thread.setDaemon(true);
  }

  /** Starts draining through {@code sender}, whose sends run on {@code workers}. */
  public static SendLoop start(OutboxSender sender, ExecutorService workers, Duration rest) {
    SendLoop loop = new SendLoop(sender, workers, rest);
    loop.thread.start();
    return loop;
  }

  private void run(OutboxSender sender, Duration rest) {
    while (running) {
      try {
        drainOnce(sender);
        Thread.sleep(rest.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void drainOnce(OutboxSender sender) throws InterruptedException {
    try {
      sender.drain();
    } catch (RuntimeException e) {
      log.error("Sending failed; trying again", e);
    }
  }

  /**
   * Stops claiming, lets the sends in hand finish, and puts back what was claimed but not sent, so
   * the next start sends it at once.
   */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(STOP_WAIT.toMillis());
      workers.shutdown();
      if (!workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
      sender.release();
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
