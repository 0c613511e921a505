package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How fast a platform lets a bot send, as its adapter declares it: messages a second overall, and
 * the least time between two messages to one private chat and to one group chat.
 */
public record RateLimits(int messagesPerSecond, Duration privateChatGap, Duration groupChatGap) {

  public RateLimits {
    if (messagesPerSecond < 1) {
      throw new IllegalArgumentException("messagesPerSecond must be at least 1");
    }
    requireNonNull(privateChatGap, "privateChatGap");
    requireNonNull(groupChatGap, "groupChatGap");
  }

  /** No limit worth the name, for the console and tests. */
  public static final RateLimits UNLIMITED =
      new RateLimits(1_000_000, Duration.ZERO, Duration.ZERO);

  public Duration gapFor(ChatRef chat) {
    return chat.isGroup() ? groupChatGap : privateChatGap;
  }
}
