package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A chat on a platform: where a message came from, or where one goes. {@code topic} is a forum
 * topic inside a group (Telegram's {@code message_thread_id}); {@code server} is the server a group
 * channel belongs to (Discord's guild, which decides the shard that serves it). Both are null where
 * the platform has none. A topic is a place inside the chat, not another chat: {@link #sameChat}
 * ignores it.
 */
public record ChatRef(
    Platform platform, String id, ChatKind kind, @Nullable String topic, @Nullable String server) {

  public ChatRef {
    requireNonNull(platform, "platform");
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    if (id.isBlank()) {
      throw new IllegalArgumentException("chat id is blank");
    }
    if (topic != null && topic.isBlank()) {
      topic = null;
    }
    if (server != null && server.isBlank()) {
      server = null;
    }
  }

  public ChatRef(Platform platform, String id, ChatKind kind) {
    this(platform, id, kind, null, null);
  }

  public boolean isGroup() {
    return kind == ChatKind.GROUP;
  }

  /** Whether both name the same chat, whatever topic inside it. */
  public boolean sameChat(ChatRef other) {
    return platform == other.platform && id.equals(other.id);
  }

  /** The same chat, in another topic (null: the chat's main thread). */
  public ChatRef inTopic(@Nullable String newTopic) {
    return new ChatRef(platform, id, kind, newTopic, server);
  }

  /** The same chat, on a server (null: none). */
  public ChatRef onServer(@Nullable String newServer) {
    return new ChatRef(platform, id, kind, topic, newServer);
  }

  /** The same chat under a new id, as when a platform upgrades a group. */
  public ChatRef withId(String newId) {
    return new ChatRef(platform, newId, kind, topic, server);
  }

  /** A key for per-chat limits: platform and id, without the topic. */
  public String limitKey() {
    return platform.name() + ":" + id;
  }
}
