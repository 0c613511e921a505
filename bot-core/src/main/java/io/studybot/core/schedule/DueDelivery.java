package io.studybot.core.schedule;

import io.studybot.core.chat.ChatRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A claimed schedule row whose delivery is due, as the dispatch tick sees it. */
public record DueDelivery(
    long scheduleId,
    @Nullable Long learnerId,
    @Nullable Long groupId,
    DeliveryKind kind,
    ZoneId zone,
    LocalTime localTime,
    ChatRef chat,
    Instant nextDue,
    Optional<LocalDate> lastLocalDate,
    Optional<Instant> ownerLastSeen) {

  /** Which day's delivery this is: the local date of the instant it fell due. */
  public LocalDate localDate() {
    return nextDue.atZone(zone).toLocalDate();
  }

  /** Unique per owner, kind and local day, so a day's delivery is queued once whatever happens. */
  public String idempotencyKey(DeliveryKind queuedKind, LocalDate date) {
    String owner = learnerId != null ? "L" + learnerId : "G" + groupId;
    return owner + ":" + queuedKind + ":" + date;
  }
}
