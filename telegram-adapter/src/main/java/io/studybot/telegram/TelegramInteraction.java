package io.studybot.telegram;

import io.studybot.core.chat.ChatRef;
import java.util.Optional;

/**
 * The update whose replies are being shown: where it came from, who sent it, and the callback query
 * of a button press, which one popup may answer. Built per update and handed along, so replies
 * shown from any thread know which interaction they belong to.
 */
final class TelegramInteraction {
  private final ChatRef chat;
  private final String senderName;
  private Optional<String> callbackQueryId;

  TelegramInteraction(ChatRef chat, String senderName, Optional<String> callbackQueryId) {
    this.chat = chat;
    this.senderName = senderName;
    this.callbackQueryId = callbackQueryId;
  }

  ChatRef chat() {
    return chat;
  }

  String senderName() {
    return senderName;
  }

  /** Takes the callback query if nothing answered it yet; it counts as answered from then on. */
  synchronized Optional<String> takeCallbackQuery() {
    Optional<String> query = callbackQueryId;
    callbackQueryId = Optional.empty();
    return query;
  }
}
