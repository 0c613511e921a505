package io.studybot.telegram;

import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.DeliveryException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * The command menu Telegram shows next to the text field, in Chinese and English, from the core's
 * command catalog: private chats list the personal commands, groups the group's. Registering it is
 * a courtesy: when Telegram refuses, the bot works all the same.
 */
final class TelegramCommandMenu {
  private static final Logger log = LoggerFactory.getLogger(TelegramCommandMenu.class);

  private TelegramCommandMenu() {}

  /** The menu of one kind of chat in one language. */
  static List<org.telegram.telegrambots.meta.api.objects.commands.BotCommand> commands(
      ChatKind kind, Language language) {
    return BotCommand.menuFor(kind).stream()
        .map(
            command ->
                new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(
                    command.command(), command.description(language)))
        .toList();
  }

  /**
   * Registers the private-chat menu and the group menu, each for Chinese users, English users and
   * everyone else (English).
   */
  static void register(TelegramCalls calls) {
    try {
      List<Menu> menus =
          List.of(
              new Menu(ChatKind.PRIVATE, new BotCommandScopeDefault()),
              new Menu(ChatKind.GROUP, new BotCommandScopeAllGroupChats()));
      for (Menu menu : menus) {
        for (Language language : Language.values()) {
          calls.tryOnce(menu(language, menu, language.code()));
        }
        calls.tryOnce(menu(Language.EN, menu, null));
      }
      log.info("Telegram command menus registered");
    } catch (DeliveryException e) {
      log.warn(
          "Registering the Telegram command menu failed; commands still work: {}", e.getMessage());
    }
  }

  /** A menu: the kind of chat it lists commands for and the chats that see it. */
  private record Menu(ChatKind kind, BotCommandScope scope) {}

  private static SetMyCommands menu(Language language, Menu menu, @Nullable String languageCode) {
    return SetMyCommands.builder()
        .commands(commands(menu.kind(), language))
        .scope(menu.scope())
        .languageCode(languageCode)
        .build();
  }
}
