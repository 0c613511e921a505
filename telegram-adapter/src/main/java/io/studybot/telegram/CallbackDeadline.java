package io.studybot.telegram;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action if a turn outlasts its deadline: the update handler uses it to answer a button's
 * callback query before Telegram's client shows an error, while the core is still busy.
 */
@FunctionalInterface
interface CallbackDeadline {

  /**
   * Arms the deadline for one turn.
   *
   * @return disarms it; after that the action no longer runs
   */
  Runnable arm(Runnable onDeadline);

  /** Runs the action on {@code timer} once {@code after} has passed. */
  static CallbackDeadline after(Duration after, ScheduledExecutorService timer) {
    return onDeadline -> {
      ScheduledFuture<?> due = timer.schedule(onDeadline, after.toMillis(), TimeUnit.MILLISECONDS);
      return () -> due.cancel(false);
    };
  }
}
