package io.studybot.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch tick: queues every due lesson and quiz in the outbox, batch by batch, and moves each
 * row's due instant to the next local day. A learner silent for longer than the silence limit gets
 * one notice instead (from whichever of their rows falls due first), and their rows stop until they
 * come back.
 */
public final class Dispatcher {
  public static final int BATCH_SIZE = 1000;

  private final DispatchStore store;
  private final Clock clock;
  private final Duration silenceLimit;

  public Dispatcher(DispatchStore store, Clock clock, Duration silenceLimit) {
    this.store = store;
    this.clock = clock;
    this.silenceLimit = silenceLimit;
  }

  /** Runs one tick to completion; returns how many rows it handled. */
  public int tick() {
    Instant now = clock.instant();
    int total = 0;
    int claimed;
    do {
      claimed = store.dispatchBatch(now, BATCH_SIZE, due -> decideAll(due, now));
      total += claimed;
    } while (claimed == BATCH_SIZE);
    return total;
  }

  private List<DispatchDecision> decideAll(List<DueDelivery> due, Instant now) {
    return due.stream().map(row -> decide(row, now)).toList();
  }

  DispatchDecision decide(DueDelivery due, Instant now) {
    var date = due.localDate();
    Instant next = DueTimes.next(due.localTime(), due.zone(), now, Optional.of(date));
    if (silent(due, now)) {
      // Both rows of a learner fall silent; whichever is held back first sends the one notice,
      // which says what waits. Its key names the silence (the day last seen), not the row's day,
      // so the other row's notice is the same outbox entry and is queued once.
      LocalDate silentSince = due.ownerLastSeen().orElseThrow().atZone(due.zone()).toLocalDate();
      var notice =
          new DispatchDecision.Queued(
              due.idempotencyKey(DeliveryKind.DORMANT_NOTICE, silentSince),
              DeliveryKind.DORMANT_NOTICE,
              date);
      return new DispatchDecision(due, Optional.of(notice), next, due.lastLocalDate(), false);
    }
    if (!due.kind().goesOutOn(date)) {
      return new DispatchDecision(due, Optional.empty(), next, due.lastLocalDate(), true);
    }
    var queued =
        new DispatchDecision.Queued(due.idempotencyKey(due.kind(), date), due.kind(), date);
    return new DispatchDecision(due, Optional.of(queued), next, Optional.of(date), true);
  }

  private boolean silent(DueDelivery due, Instant now) {
    return due.owner().isLearner()
        && due.ownerLastSeen().map(seen -> seen.plus(silenceLimit).isBefore(now)).orElse(false);
  }
}
