package io.studybot.core.state;

import java.time.Instant;
import java.util.Optional;

/** What the operators' commands read and write: figures about the whole bot, and broadcasts. */
public interface OperatorRepository {

  OperatorStats stats(Instant now);

  /**
   * Stores a broadcast and queues it in the outbox, set-based, for every learner who receives
   * deliveries and every subscribed group (their active lesson rows say where to); returns how many
   * deliveries were queued.
   */
  int queueBroadcast(String text, Instant now);

  /** The text of the broadcast an outbox entry delivers; empty when it delivers none. */
  Optional<String> broadcastText(long outboxId);
}
