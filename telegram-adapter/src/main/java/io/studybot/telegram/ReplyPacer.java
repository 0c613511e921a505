package io.studybot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.RateLimits;
import io.studybot.core.schedule.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces replies to one chat to the platform's per-chat limit: a short burst goes out at once (a
 * quiz is four messages), after that one message per the chat's gap. The wait happens on the thread
 * handling that chat's update, and a chat's updates hold one inbox worker, so a chat that floods
 * waits alone.
 */
final class ReplyPacer {
  /** Messages a chat may get back to back before the gap applies. */
  static final int BURST = 5;

  private final RateLimits limits;
  private final Clock clock;
  private final Sleeper sleeper;

  /** Per chat, when its next message would be due if sent one per gap. */
  private final Cache<String, Instant> due =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  ReplyPacer(RateLimits limits, Clock clock, Sleeper sleeper) {
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits, when needed, until one more message may go to the chat. */
  void awaitTurn(ChatRef chat) {
    Duration wait = take(chat);
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Books the chat's next slot and says how long until it. */
  Duration take(ChatRef chat) {
    Duration gap = limits.gapFor(chat);
    if (gap.isZero()) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    Duration[] wait = {Duration.ZERO};
    due.asMap()
        .compute(
            chat.platform() + "/" + chat.id(),
            (key, next) -> {
              Instant slot = next == null || next.isBefore(now) ? now : next;
              Instant allowedFrom = slot.minus(gap.multipliedBy(BURST - 1L));
              if (allowedFrom.isAfter(now)) {
                wait[0] = Duration.between(now, allowedFrom);
              }
              return slot.plus(gap);
            });
    return wait[0];
  }
}
