package io.studybot.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch tick: queues every due lesson and quiz in the outbox, batch by batch, and moves each
 * row's due instant to the next local day. A learner silent for longer than the silence limit gets
 * one notice instead, and their rows stop until they come back.
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
      var notice =
          new DispatchDecision.Queued(
              due.idempotencyKey(DeliveryKind.DORMANT_NOTICE, date),
              DeliveryKind.DORMANT_NOTICE,
              date);
      // Both rows of a learner fall silent; only the lesson row sends the one notice.
      Optional<DispatchDecision.Queued> queued =
          due.kind() == DeliveryKind.LESSON ? Optional.of(notice) : Optional.empty();
      return new DispatchDecision(due, queued, next, due.lastLocalDate(), false);
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
