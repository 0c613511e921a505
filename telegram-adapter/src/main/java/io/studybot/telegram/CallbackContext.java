package io.studybot.telegram;

import io.studybot.core.chat.ChatRef;
import java.util.Optional;

/**
 * The callback query of the update being handled on this thread. The core answers a button press
 * synchronously, on the thread that handed it the press, so the gateway finds here the query to
 * answer: with a popup for a personal reply in a group, or empty at the end to stop the client's
 * spinner.
 */
final class CallbackContext {
  private record Pending(ChatRef chat, String callbackQueryId) {}

  private final ThreadLocal<Pending> current = new ThreadLocal<>();

  void begin(ChatRef chat, String callbackQueryId) {
    current.set(new Pending(chat, callbackQueryId));
  }

  /** Takes the unanswered query of a press in this chat, if any; it is then answered. */
  Optional<String> take(ChatRef chat) {
    Pending pending = current.get();
    if (pending == null || !pending.chat().equals(chat)) {
      return Optional.empty();
    }
    current.remove();
    return Optional.of(pending.callbackQueryId());
  }

  /** Ends the update; returns the query if nothing answered it yet. */
  Optional<String> end() {
    Pending pending = current.get();
    current.remove();
    return Optional.ofNullable(pending).map(Pending::callbackQueryId);
  }
}
