package io.studybot.core.inbox;

import io.studybot.core.chat.Reply;
import java.util.List;
import java.util.Optional;

/**
 * The stored update the current thread is handling. The adapter's handler calls the core as for a
 * live event; the core finds the update here to mark it handled in the turn's own transaction, or
 * to give back the replies of a turn that already committed.
 */
public final class InboxTurn {
  private static final ThreadLocal<StoredUpdate> CURRENT = new ThreadLocal<>();

  private InboxTurn() {}

  /** The update being handled on this thread, if it came from the inbox. */
  public static Optional<StoredUpdate> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The replies its turn already committed, when it did. */
  public static Optional<List<Reply>> committedReplies() {
    return current().flatMap(StoredUpdate::replies);
  }

  static void run(StoredUpdate update, Runnable work) {
    CURRENT.set(update);
    try {
      work.run();
    } finally {
      CURRENT.remove();
    }
  }
}
