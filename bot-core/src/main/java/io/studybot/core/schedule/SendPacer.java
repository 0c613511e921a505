package io.studybot.core.schedule;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** Keeps one platform's sending within its declared limits, overall and per chat. */
final class SendPacer {
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final RateLimits limits;
  private final ArrayDeque<Instant> lastSecond = new ArrayDeque<>();
  // Bounded: only chats written to in the last minutes matter for their gap.
  private final Cache<ChatRef, Instant> lastByChat =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(5)).build();

  SendPacer(RateLimits limits) {
    this.limits = limits;
  }

  /** How long to wait before the chat may get its next message. */
  synchronized Duration chatWait(ChatRef chat, Instant now) {
    Instant last = lastByChat.getIfPresent(chat);
    if (last == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, last.plus(limits.gapFor(chat)));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** How long to wait before any next message, given the overall rate. */
  synchronized Duration overallWait(Instant now) {
    while (!lastSecond.isEmpty() && !lastSecond.peekFirst().plus(WINDOW).isAfter(now)) {
      lastSecond.pollFirst();
    }
    if (lastSecond.size() < limits.messagesPerSecond()) {
      return Duration.ZERO;
    }
    return Duration.between(now, lastSecond.peekFirst().plus(WINDOW));
  }

  synchronized void sent(ChatRef chat, Instant at) {
    lastSecond.addLast(at);
    lastByChat.put(chat, at);
  }
}
