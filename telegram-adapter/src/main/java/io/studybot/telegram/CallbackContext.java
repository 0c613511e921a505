package io.studybot.telegram;

import io.studybot.core.chat.ChatRef;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The update being handled on this thread: who sent it, where, and the callback query of a button
 * press. The core answers an event synchronously, on the thread that handed it over, so the gateway
 * finds here the query to answer (with a popup for a personal reply in a group, or empty at the end
 * to stop the client's spinner) and the name to address a personal reply to.
 */
final class CallbackContext {
  private static final class Current {
    final ChatRef chat;
    final String senderName;
    @Nullable String callbackQueryId;

    Current(ChatRef chat, String senderName, @Nullable String callbackQueryId) {
      this.chat = chat;
      this.senderName = senderName;
      this.callbackQueryId = callbackQueryId;
    }
  }

  // Per instance, not static: each adapter keeps its own update being handled.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Current> current = new ThreadLocal<>();

  void begin(ChatRef chat, String senderName, Optional<String> callbackQueryId) {
    current.set(new Current(chat, senderName, callbackQueryId.orElse(null)));
  }

  /** Takes the unanswered query of a press in this chat, if any; it is then answered. */
  Optional<String> take(ChatRef chat) {
    Current update = current.get();
    if (update == null || !update.chat.equals(chat) || update.callbackQueryId == null) {
      return Optional.empty();
    }
    String id = update.callbackQueryId;
    update.callbackQueryId = null;
    return Optional.of(id);
  }

  /** The name of whoever sent the update being handled in this chat. */
  Optional<String> senderIn(ChatRef chat) {
    Current update = current.get();
    return update != null && update.chat.equals(chat)
        ? Optional.of(update.senderName)
        : Optional.empty();
  }

  /** Ends the update; returns the query if nothing answered it yet. */
  Optional<String> end() {
    Current update = current.get();
    current.remove();
    return Optional.ofNullable(update).map(u -> u.callbackQueryId);
  }
}
