package io.studybot.core.chat;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A platform refused a message. {@code permanent} means retrying cannot help: the user blocked the
 * bot or closed their direct messages. A flood wait ({@link #retryAfter}) holds only that chat for
 * the time the platform asked; a moved chat ({@link #movedTo}) has a new id to send to.
 */
public class DeliveryException extends RuntimeException {
  private final boolean permanent;
  private final @Nullable Duration retryAfter;
  private final @Nullable String movedTo;

  public DeliveryException(String message, boolean permanent, @Nullable Throwable cause) {
    this(message, permanent, cause, null, null);
  }

  private DeliveryException(
      String message,
      boolean permanent,
      @Nullable Throwable cause,
      @Nullable Duration retryAfter,
      @Nullable String movedTo) {
    super(message, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
    this.movedTo = movedTo;
  }

  /** Too many messages to that chat: the platform takes the next one after {@code wait}. */
  public static DeliveryException floodWait(String message, Duration wait) {
    return new DeliveryException(message, false, null, wait, null);
  }

  /** The chat lives on under a new id (a Telegram group upgraded to a supergroup). */
  public static DeliveryException chatMoved(String message, String newChatId) {
    return new DeliveryException(message, false, null, null, newChatId);
  }

  public boolean permanent() {
    return permanent;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Optional<String> movedTo() {
    return Optional.ofNullable(movedTo);
  }
}
