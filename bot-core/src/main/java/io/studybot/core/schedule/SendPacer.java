package io.studybot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Keeps one platform's sending within its overall rate; chats' own gaps are {@link ChatLines}'. A
 * message is counted when it is handed to a worker and moved to the instant the worker really sends
 * it, so a worker that starts late cannot make a second hold more than its share. The window is a
 * little longer than a second for the milliseconds a message takes to reach the platform.
 */
final class SendPacer {
  static final Duration WINDOW = Duration.ofMillis(1_010);

  private final int perSecond;
  private final TreeMap<Instant, Integer> stamps = new TreeMap<>();
  private int counted;

  SendPacer(int perSecond) {
    this.perSecond = perSecond;
  }

  /** How long to wait before any next message, given the overall rate. */
  synchronized Duration overallWait(Instant now) {
    Instant oldestInWindow = now.minus(WINDOW);
    while (!stamps.isEmpty() && !stamps.firstKey().isAfter(oldestInWindow)) {
      counted -= stamps.pollFirstEntry().getValue();
    }
    if (counted < perSecond) {
      return Duration.ZERO;
    }
    return Duration.between(now, stamps.firstKey().plus(WINDOW));
  }

  /** A message handed out at {@code at}. */
  synchronized void sent(Instant at) {
    stamps.merge(at, 1, Integer::sum);
    counted++;
  }

  /** The message counted at {@code handedOut} really leaves at {@code leaves}. */
  synchronized void leaves(Instant handedOut, Instant leaves) {
    Integer count = stamps.get(handedOut);
    if (count == null) {
      return; // already out of the window
    }
    if (count == 1) {
      stamps.remove(handedOut);
    } else {
      stamps.put(handedOut, count - 1);
    }
    stamps.merge(leaves, 1, Integer::sum);
  }
}
