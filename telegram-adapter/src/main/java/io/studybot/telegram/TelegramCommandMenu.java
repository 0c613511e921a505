package io.studybot.telegram;

import io.studybot.content.Language;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * The command menu Telegram shows next to the text field, in Chinese and English, taken from the
 * core's own {@code /help} text so the two never disagree. Registering it is a courtesy: when
 * Telegram refuses, the bot works all the same.
 */
final class TelegramCommandMenu {
  private static final Logger log = LoggerFactory.getLogger(TelegramCommandMenu.class);

  private static final Pattern COMMAND = Pattern.compile("/([a-z0-9_]{1,32})");
  private static final Pattern COLON = Pattern.compile("[:：]");

  static final String PRIVATE_HELP = "help";
  static final String GROUP_HELP = "help.group";

  private TelegramCommandMenu() {}

  /** The commands of a core help text: each {@code /name: what it does} line. */
  static List<BotCommand> commands(Messages messages, Language language, String helpKey) {
    Map<String, String> commands = new LinkedHashMap<>();
    for (String line : messages.get(language, helpKey).split("\n", -1)) {
      Matcher colon = COLON.matcher(line);
      if (!line.startsWith("/") || !colon.find()) {
        continue;
      }
      String description = line.substring(colon.end()).strip();
      Matcher names = COMMAND.matcher(line.substring(0, colon.start()));
      while (names.find() && !description.isEmpty()) {
        commands.putIfAbsent(names.group(1), truncate(description));
      }
    }
    List<BotCommand> menu = new ArrayList<>();
    commands.forEach((name, description) -> menu.add(new BotCommand(name, description)));
    return menu;
  }

  /**
   * Registers the private-chat menu (from {@code /help}) and the group menu (from the group's
   * {@code /help}), each for Chinese users, English users and everyone else (English).
   */
  static void register(TelegramCalls calls, Messages messages) {
    try {
      List<Menu> menus =
          List.of(
              new Menu(PRIVATE_HELP, new BotCommandScopeDefault()),
              new Menu(GROUP_HELP, new BotCommandScopeAllGroupChats()));
      for (Menu menu : menus) {
        for (Language language : Language.values()) {
          calls.tryOnce(menu(messages, language, menu, language.code()));
        }
        calls.tryOnce(menu(messages, Language.EN, menu, null));
      }
      log.info("Telegram command menus registered");
    } catch (DeliveryException e) {
      log.warn(
          "Registering the Telegram command menu failed; commands still work: {}", e.getMessage());
    }
  }

  /** A menu: the help text it lists and the chats that see it. */
  private record Menu(String helpKey, BotCommandScope scope) {}

  private static SetMyCommands menu(
      Messages messages, Language language, Menu menu, @Nullable String languageCode) {
    return SetMyCommands.builder()
        .commands(commands(messages, language, menu.helpKey()))
        .scope(menu.scope())
        .languageCode(languageCode)
        .build();
  }

  private static String truncate(String description) {
    return description.length() <= 256 ? description : description.substring(0, 255) + "…";
  }
}
