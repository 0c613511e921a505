package io.studybot.core.schedule;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The dispatch tick's port: claims due schedule rows in batches, locked so that concurrent
 * instances never claim the same row, and applies the decisions in the same transaction.
 */
public interface DispatchStore {

  /**
   * Claims up to {@code limit} rows due at {@code now}, decides on them, writes the outbox entries
   * (an existing idempotency key is left alone) and the rows' new state, and commits.
   *
   * @return how many rows were claimed; fewer than {@code limit} means none is left due
   */
  int dispatchBatch(
      Instant now, int limit, Function<List<DueDelivery>, List<DispatchDecision>> decide);
}
