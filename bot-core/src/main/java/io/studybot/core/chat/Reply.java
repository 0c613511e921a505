package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

/** A message and the chat it goes to. */
public record Reply(ChatRef chat, OutgoingMessage message) {

  public Reply {
    requireNonNull(chat, "chat");
    requireNonNull(message, "message");
  }
}
