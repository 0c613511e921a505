package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

/** A button under a message: its label and the opaque token the core gets back when pressed. */
public record Button(String label, String payload) {
  /** Telegram's callback_data limit, the tightest of the platforms. */
  public static final int MAX_PAYLOAD_BYTES = 64;

  public Button {
    requireNonNull(label, "label");
    requireNonNull(payload, "payload");
    if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("button payload over " + MAX_PAYLOAD_BYTES + " bytes");
    }
  }
}
