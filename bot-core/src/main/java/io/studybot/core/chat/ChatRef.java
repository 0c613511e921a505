package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

/** A chat on a platform: where a message came from, or where one goes. */
public record ChatRef(Platform platform, String id, ChatKind kind) {

  public ChatRef {
    requireNonNull(platform, "platform");
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    if (id.isBlank()) {
      throw new IllegalArgumentException("chat id is blank");
    }
  }

  public boolean isGroup() {
    return kind == ChatKind.GROUP;
  }
}
