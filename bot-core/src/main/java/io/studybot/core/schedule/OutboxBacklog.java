package io.studybot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What waits in the outbox: how many deliveries are pending, and since when the oldest of those due
 * now (not held by a sender's lease, nor waiting for a retry) has been due.
 */
public record OutboxBacklog(long pending, Optional<Instant> oldestDue) {
  public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Optional.empty());

  /** How late the oldest due delivery is at {@code now}; zero when none waits. */
  public Duration lag(Instant now) {
    return oldestDue
        .filter(due -> due.isBefore(now))
        .map(due -> Duration.between(due, now))
        .orElse(Duration.ZERO);
  }
}
