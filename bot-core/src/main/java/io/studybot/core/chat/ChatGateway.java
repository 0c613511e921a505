package io.studybot.core.chat;

/**
 * The outbound port: one per platform, implemented by its adapter. It renders the neutral message
 * in the platform's format and respects the platform's limits (splitting long texts at paragraph
 * boundaries, never inside a code block).
 */
public interface ChatGateway {

  Platform platform();

  /**
   * Sends a message, or edits the one it {@code replaces} where the platform can.
   *
   * @return the platform's id of the message shown, or an empty string when it has none
   * @throws DeliveryException when the platform refused the message
   */
  String send(ChatRef chat, OutgoingMessage message);

  /** The sending rate the platform allows; the core's scheduled sender keeps to it. */
  default RateLimits rateLimits() {
    return RateLimits.UNLIMITED;
  }
}
