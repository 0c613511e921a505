package io.studybot.core.inbox;

import io.studybot.core.chat.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link InboxDrain} on its own thread: a round whenever an update is stored or a worker
 * frees up, and at least every {@link #IDLE_ROUND} for updates other instances left behind.
 */
public final class InboxLoop implements Inbox, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxLoop.class);

  static final Duration IDLE_ROUND = Duration.ofSeconds(1);
  private static final Duration FAILED_ROUND_REST = Duration.ofSeconds(1);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Semaphore wakeups = new Semaphore(0);
  private final ExecutorService workers;
  private final InboxDrain drain;
  private final Thread thread;
  private volatile boolean running = true;
  private boolean failing;

  private InboxLoop(InboxStore store, Clock clock, int workerCount) {
    AtomicInteger number = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            workerCount,
            runnable -> {
              Thread worker = new Thread(runnable, "inbox-" + number.getAndIncrement());
              worker.setDaemon(true);
              return worker;
            });
    this.drain = new InboxDrain(store, clock, workers, workerCount, wakeups::release);
    this.thread = new Thread(this::run, "inbox-drain");
    this.thread.setDaemon(true);
  }

  /** Starts draining with {@code workerCount} workers; serve platforms on {@link #drain()}. */
  public static InboxLoop start(InboxStore store, Clock clock, int workerCount) {
    InboxLoop loop = new InboxLoop(store, clock, workerCount);
    loop.thread.start();
    return loop;
  }

  public InboxDrain drain() {
    return drain;
  }

  @Override
  public void accept(List<InboxUpdate> updates) {
    drain.accept(updates);
  }

  @Override
  public void serve(Platform platform, InboxHandler handler) {
    drain.serve(platform, handler);
  }

  private void run() {
    try {
      while (running) {
        round();
        // A round takes all a free worker can do; the next one comes when a worker frees up or
        // an update is stored, or after a rest for what other instances left behind.
        wakeups.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void round() {
    try {
      drain.drainOnce();
      if (failing) {
        failing = false;
        log.info("The inbox can be read again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("Reading the inbox failed; trying again every second: {}", e.getMessage());
        log.debug("Inbox failure", e);
      }
    }
  }

  private long waitMillis() {
    return (failing ? FAILED_ROUND_REST : IDLE_ROUND).toMillis();
  }

  /**
   * Stops claiming, lets the updates in hand finish for a while, and gives held ones back to the
   * table; anything still running keeps its lease and is taken up again when it runs out.
   */
  @Override
  public void close() {
    running = false;
    wakeups.release();
    try {
      thread.join(STOP_WAIT.toMillis());
      workers.shutdown();
      if (!workers.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("Inbox updates still in hand at shutdown are handled at the next start");
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    drain.releaseHeld();
  }
}
