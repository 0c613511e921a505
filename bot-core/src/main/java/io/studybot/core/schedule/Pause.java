package io.studybot.core.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the sender waits for the next ready chat or a finished send. Tests move their clock instead
 * of waiting; the real one wakes early when a send finishes.
 */
interface Pause {
  void await(Duration atMost) throws InterruptedException;

  void wake();

  /** Waits by the sleeper; nothing runs meanwhile, so there is nothing to wake for. */
  static Pause sleeping(Sleeper sleeper) {
    return new Pause() {
      @Override
      public void await(Duration atMost) throws InterruptedException {
        sleeper.sleep(atMost);
      }

      @Override
      public void wake() {}
    };
  }

  /** Waits on a monitor that a finished send or a filled line notifies. */
  static Pause wakeable() {
    return new Pause() {
      private boolean woken;

      @Override
      public synchronized void await(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(1_000_000, atMost.toNanos());
        while (!woken) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        woken = false;
      }

      @Override
      public synchronized void wake() {
        woken = true;
        notifyAll();
      }
    };
  }
}
