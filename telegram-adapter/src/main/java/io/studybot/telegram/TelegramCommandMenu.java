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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The command menu Telegram shows next to the text field, in Chinese and English, taken from the
 * core's own {@code /help} text so the two never disagree. Registering it is a courtesy: when
 * Telegram refuses, the bot works all the same.
 */
final class TelegramCommandMenu {
  private static final Logger log = LoggerFactory.getLogger(TelegramCommandMenu.class);

  private static final Pattern COMMAND = Pattern.compile("/([a-z0-9_]{1,32})");
  private static final Pattern COLON = Pattern.compile("[:：]");

  private TelegramCommandMenu() {}

  /** The commands of the core's help text: each {@code /name: what it does} line. */
  static List<BotCommand> commands(Messages messages, Language language) {
    Map<String, String> commands = new LinkedHashMap<>();
    for (String line : messages.get(language, "help").split("\n")) {
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

  /** Registers the menu for Chinese users, English users and everyone else (English). */
  static void register(TelegramCalls calls, Messages messages) {
    try {
      for (Language language : Language.values()) {
        calls.tryOnce(
            SetMyCommands.builder()
                .commands(commands(messages, language))
                .languageCode(language.code())
                .build());
      }
      calls.tryOnce(SetMyCommands.builder().commands(commands(messages, Language.EN)).build());
      log.info("Telegram command menu registered");
    } catch (DeliveryException e) {
      log.warn(
          "Registering the Telegram command menu failed; commands still work: {}", e.getMessage());
    }
  }

  private static String truncate(String description) {
    return description.length() <= 256 ? description : description.substring(0, 255) + "…";
  }
}
