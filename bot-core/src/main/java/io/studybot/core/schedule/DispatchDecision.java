package io.studybot.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the tick does with one due row: the outbox entry to queue (if any), and the row's next due
 * instant, last delivered date and whether it stays active.
 */
public record DispatchDecision(
    DueDelivery due,
    Optional<Queued> queued,
    Instant nextDue,
    Optional<LocalDate> lastLocalDate,
    boolean active) {

  /** An outbox entry to write. */
  public record Queued(String idempotencyKey, DeliveryKind kind, LocalDate localDate) {}
}
