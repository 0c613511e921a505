package io.studybot.core.schedule;

import java.util.concurrent.atomic.AtomicInteger;

/** A claimed delivery whose messages are in the chat lines: sent when the last one went out. */
final class SendingEntry {
  private final OutboxEntry entry;
  private final AtomicInteger left;
  private volatile boolean abandoned;

  SendingEntry(OutboxEntry entry, int messages) {
    this.entry = entry;
    this.left = new AtomicInteger(messages);
  }

  OutboxEntry entry() {
    return entry;
  }

  /** One message went out; true when it was the last and the delivery is complete. */
  boolean messageSent() {
    return left.decrementAndGet() == 0 && !abandoned;
  }

  /** The rest will not go out this time; true only for the first caller, who handles it. */
  boolean abandon() {
    synchronized (this) {
      if (abandoned) {
        return false;
      }
      abandoned = true;
      return true;
    }
  }
}
