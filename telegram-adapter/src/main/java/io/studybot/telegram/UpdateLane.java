package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.InboxUpdate;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Turns a raw update into an inbox update: its id, and its lane, the chat it belongs to, so a
 * chat's updates are handled in order (an answer never overtakes the quiz it answers) while other
 * chats go on in parallel.
 */
final class UpdateLane {
  private UpdateLane() {}

  /** The inbox update of one raw update; one that does not parse keeps its own lane. */
  static InboxUpdate of(JsonNode raw, ObjectMapper json) {
    String id = raw.path("update_id").asText("");
    String lane;
    try {
      lane = String.valueOf(chatKey(json.treeToValue(raw, Update.class)));
    } catch (Exception e) {
      lane = "update " + id;
    }
    return new InboxUpdate(Platform.TELEGRAM, id.isEmpty() ? "none" : id, lane, raw.toString());
  }

  static long chatKey(Update update) {
    if (update.hasMessage() && update.getMessage().getChatId() != null) {
      return update.getMessage().getChatId();
    }
    if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null) {
      return update.getMyChatMember().getChat().getId();
    }
    if (update.hasCallbackQuery()) {
      var query = update.getCallbackQuery();
      if (query.getMessage() != null && query.getMessage().getChatId() != null) {
        return query.getMessage().getChatId();
      }
      if (query.getFrom() != null) {
        return query.getFrom().getId();
      }
    }
    return update.getUpdateId() == null ? 0 : update.getUpdateId();
  }
}
