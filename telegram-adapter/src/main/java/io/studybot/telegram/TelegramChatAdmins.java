package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.PlatformUser;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;

/**
 * Asks Telegram whether someone administers a group, for the few commands where the core needs to
 * know (a group's subscription); other commands never cost the call.
 */
final class TelegramChatAdmins {
  private static final Logger log = LoggerFactory.getLogger(TelegramChatAdmins.class);

  private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

  private final TelegramCalls calls;

  TelegramChatAdmins(TelegramCalls calls) {
    this.calls = calls;
  }

  /** Whether this command in this chat needs the answer at all. */
  static boolean matters(String command, ChatRef chat) {
    return chat.isGroup() && BotCommand.named(command).map(BotCommand::adminOnly).orElse(false);
  }

  /** True only when Telegram says so; an error counts as no. */
  boolean isAdmin(ChatRef chat, PlatformUser user) {
    try {
      JsonNode member =
          calls
              .tryOnce(
                  GetChatMember.builder()
                      .chatId(chat.id())
                      .userId(Long.parseLong(user.externalId()))
                      .build())
              .result();
      return member != null && ADMIN_STATUSES.contains(member.path("status").asText());
    } catch (DeliveryException | NumberFormatException e) {
      log.info(
          "Could not tell whether user {} administers chat {}: {}",
          user.externalId(),
          chat.id(),
          e.getMessage());
      return false;
    }
  }
}
