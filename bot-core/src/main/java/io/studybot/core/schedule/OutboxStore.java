package io.studybot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The senders' port to the outbox. A claim leases entries for a while, so that if this instance
 * dies while sending, another takes them over after the lease: at worst the one message in flight
 * goes out twice; none is lost.
 */
public interface OutboxStore {

  /**
   * Pending entries due at {@code now} within what this instance sends, leased to the caller until
   * {@code now + lease}.
   */
  List<OutboxEntry> claim(Instant now, Duration lease, int limit, SendScope scope);

  /** Extends the lease of entries still being sent, so no other instance takes them over. */
  void renew(List<Long> ids, Instant until);

  void markSent(long id, Instant now);

  /**
   * Puts the entry back for later; a real failure counts as an attempt, a rate-limit wait does not.
   */
  void retryAt(long id, Instant notBefore, @Nullable String error, boolean countsAsAttempt);

  void markFailed(long id, @Nullable String error);

  /** Deletes sent entries older than {@code before}; returns how many. */
  int deleteSentBefore(Instant before);
}
