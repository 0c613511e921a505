package io.studybot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Keeps one platform's sending within its overall rate; chats' own gaps are {@link ChatLines}'. The
 * window is a little longer than a second: a message reaches the platform some milliseconds after
 * it leaves, and those delays vary, so a second's worth counted here must still be a second's worth
 * when it arrives.
 */
final class SendPacer {
  static final Duration WINDOW = Duration.ofMillis(1_025);

  private final int perSecond;
  private final ArrayDeque<Instant> lastSecond = new ArrayDeque<>();

  SendPacer(int perSecond) {
    this.perSecond = perSecond;
  }

  /** How long to wait before any next message, given the overall rate. */
  synchronized Duration overallWait(Instant now) {
    while (!lastSecond.isEmpty() && !lastSecond.peekFirst().plus(WINDOW).isAfter(now)) {
      lastSecond.pollFirst();
    }
    if (lastSecond.size() < perSecond) {
      return Duration.ZERO;
    }
    return Duration.between(now, lastSecond.peekFirst().plus(WINDOW));
  }

  synchronized void sent(Instant at) {
    lastSecond.addLast(at);
  }
}
