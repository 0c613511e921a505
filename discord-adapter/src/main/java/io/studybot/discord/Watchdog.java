package io.studybot.discord;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action if a piece of work outlasts its deadline; the interaction listener uses it to
 * defer an answer before Discord's three seconds run out.
 */
@FunctionalInterface
interface Watchdog {

  /**
   * Arms the watchdog for one piece of work.
   *
   * @return disarms it; after that the action no longer runs
   */
  Runnable arm(Runnable onDeadline);

  /** Runs a task once after a delay. */
  @FunctionalInterface
  interface Timer {
    /** Schedules the task; the returned action cancels it if it has not run yet. */
    Runnable schedule(Runnable task, Duration delay);

    /** On a scheduler's thread: the actions it runs must not block, or the next ones run late. */
    static Timer on(ScheduledExecutorService scheduler) {
      return (task, delay) -> {
        ScheduledFuture<?> scheduled =
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> scheduled.cancel(false);
      };
    }
  }

  /** A watchdog whose deadline is {@code delay} after arming. */
  static Watchdog after(Duration delay, Timer timer) {
    return onDeadline -> timer.schedule(onDeadline, delay);
  }
}
