package io.studybot.core.schedule;

import java.time.Duration;

/** Waits; tests pass one that moves their clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
