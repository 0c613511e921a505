package io.studybot.core.chat;

import org.jspecify.annotations.Nullable;

/**
 * A platform refused a message. {@code permanent} means retrying cannot help: the user blocked the
 * bot or closed their direct messages.
 */
public class DeliveryException extends RuntimeException {
  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, @Nullable Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
