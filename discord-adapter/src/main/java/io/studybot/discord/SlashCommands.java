package io.studybot.discord;

import static java.util.Objects.requireNonNull;

import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The bot's slash commands, one per command of the core's catalog, named and described in English
 * and Chinese; and how a slash command's options become the core's command arguments.
 */
final class SlashCommands {
  static final String SETTINGS = BotCommand.SETTINGS.command();
  static final String TOPICS = BotCommand.TOPICS.command();
  static final String PHASE = "phase";
  static final String SUBSCRIBE = BotCommand.SUBSCRIBE.command();
  static final String LINK = BotCommand.LINK.command();
  static final String CODE = "code";
  static final String PRIVACY = BotCommand.PRIVACY.command();
  static final String HIDDEN = "hidden";

  /** /subscribe options in the order the core reads its arguments: lesson, quiz time, zone. */
  static final List<String> SUBSCRIBE_OPTIONS = List.of("lesson", "quiz", "zone");

  /** /settings options in the order they are applied, each the core's settings keyword. */
  static final List<String> SETTING_OPTIONS = List.of("language", "zone", "lesson", "quiz");

  private static final int MAX_CHOICES = 25;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private SlashCommands() {}

  /** The commands to register with Discord: the core's whole catalog. */
  static List<SlashCommandData> commandData() {
    return Arrays.stream(BotCommand.values()).map(SlashCommands::data).toList();
  }

  private static SlashCommandData data(BotCommand command) {
    String name = command.command();
    String en = command.description(Language.EN);
    SlashCommandData data =
        Commands.slash(name, en)
            .setNameLocalizations(localized(name, command.zhName()))
            .setDescriptionLocalizations(localized(en, command.description(Language.ZH)));
    if (command.scope() == BotCommand.Scope.GROUP) {
      // Discord hides these from members without Manage Server; the core checks again.
      data.setContexts(InteractionContextType.GUILD)
          .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    } else {
      data.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }
    if (name.equals(TOPICS)) {
      data.addOptions(
          option(OptionType.INTEGER, PHASE, "阶段", "Show this phase", "显示这个阶段").setMinValue(1));
    }
    if (name.equals(SETTINGS)) {
      data.addOptions(settingOptions());
    }
    if (name.equals(SUBSCRIBE)) {
      data.addOptions(subscribeOptions());
    }
    if (name.equals(LINK)) {
      data.addOptions(
          option(
              OptionType.STRING,
              CODE,
              "关联码",
              "The code /link gave your other account",
              "另一个账号用 /link 得到的关联码"));
    }
    if (name.equals(PRIVACY)) {
      data.addOptions(
          option(
              OptionType.BOOLEAN,
              HIDDEN,
              "隐藏",
              "Hide from group leaderboards and digests",
              "在群排行榜和每周小结中隐藏"));
    }
    return data;
  }

  private static List<OptionData> settingOptions() {
    return List.of(
        option(OptionType.STRING, "language", "语言", "The bot's language", "机器人的语言")
            .addChoice("English", "en")
            .addChoice("中文", "zh"),
        option(
                OptionType.STRING,
                "zone",
                "时区",
                "Your time zone, e.g. Europe/Berlin",
                "你的时区，例如 Asia/Shanghai")
            .setAutoComplete(true),
        option(OptionType.STRING, "lesson", "课程时间", "Lesson time, HH:MM", "每日课程时间，HH:MM")
            .setAutoComplete(true),
        option(OptionType.STRING, "quiz", "测验时间", "Quiz time, HH:MM", "每日测验时间，HH:MM")
            .setAutoComplete(true));
  }

  private static List<OptionData> subscribeOptions() {
    return List.of(
        option(OptionType.STRING, "lesson", "课程时间", "Daily lesson time, HH:MM", "每日课程时间，HH:MM")
            .setAutoComplete(true),
        option(
                OptionType.STRING,
                "quiz",
                "测验时间",
                "Daily quiz time, HH:MM (give the lesson time too)",
                "每日测验时间，HH:MM（需同时填写课程时间）")
            .setAutoComplete(true),
        option(
                OptionType.STRING,
                "zone",
                "时区",
                "The group's time zone, e.g. Europe/Berlin",
                "小组的时区，例如 Asia/Shanghai")
            .setAutoComplete(true));
  }

  private static OptionData option(
      OptionType type, String name, String zhName, String en, String zh) {
    return new OptionData(type, name, en, false)
        .setNameLocalizations(localized(name, zhName))
        .setDescriptionLocalizations(localized(en, zh));
  }

  private static Map<DiscordLocale, String> localized(String en, String zh) {
    return Map.of(DiscordLocale.ENGLISH_US, en, DiscordLocale.CHINESE_CHINA, zh);
  }

  /** Whether a command's answers in a server are probably only for its sender. */
  static boolean isPersonal(String name) {
    return BotCommand.named(name).map(BotCommand::personal).orElse(false);
  }

  /**
   * The core commands a slash command stands for. {@code /settings zone:Europe/Berlin lesson:08:30}
   * sets two things, so it becomes two commands, applied in order.
   */
  static List<IncomingEvent.Command> toCommands(
      String name,
      Map<String, String> options,
      PlatformUser user,
      ChatRef chat,
      boolean senderIsChatAdmin) {
    List<List<String>> argLists = new ArrayList<>();
    if (name.equals(SETTINGS)) {
      for (String key : SETTING_OPTIONS) {
        if (options.containsKey(key)) {
          argLists.add(List.of(key, options.get(key).strip()));
        }
      }
    } else if (name.equals(LINK) && options.containsKey(CODE)) {
      argLists.add(List.of(requireNonNull(options.get(CODE)).strip()));
    } else if (name.equals(PRIVACY) && options.containsKey(HIDDEN)) {
      argLists.add(List.of(Boolean.parseBoolean(options.get(HIDDEN)) ? "on" : "off"));
    } else if (name.equals(TOPICS) && options.containsKey(PHASE)) {
      argLists.add(List.of(options.get(PHASE)));
    } else if (name.equals(SUBSCRIBE)) {
      argLists.add(
          SUBSCRIBE_OPTIONS.stream()
              .filter(options::containsKey)
              .map(key -> Objects.requireNonNull(options.get(key)).strip())
              .toList());
    }
    if (argLists.isEmpty()) {
      argLists.add(List.of());
    }
    return argLists.stream()
        .map(args -> new IncomingEvent.Command(user, chat, name, args, senderIsChatAdmin))
        .toList();
  }

  /** Up to 25 suggestions for the option being typed: IANA zone ids, or times of day. */
  static List<Command.Choice> suggest(String option, String typed) {
    String query = typed.strip();
    List<String> values = option.equals("zone") ? zones(query) : times(query);
    return values.stream().limit(MAX_CHOICES).map(v -> new Command.Choice(v, v)).toList();
  }

  private static List<String> zones(String query) {
    String needle = query.toLowerCase(Locale.ROOT).replace(' ', '_');
    Set<String> ids = ZoneId.getAvailableZoneIds();
    // Region/City ids first: "Etc/GMT+3" and old aliases confuse more than they help.
    return ids.stream()
        .filter(id -> id.toLowerCase(Locale.ROOT).contains(needle))
        .sorted(
            (a, b) -> {
              int rank = Boolean.compare(!a.contains("/"), !b.contains("/"));
              return rank != 0 ? rank : a.compareTo(b);
            })
        .toList();
  }

  private static List<String> times(String query) {
    Stream<String> halfHours =
        Stream.iterate(LocalTime.MIDNIGHT, t -> t.plusMinutes(30))
            .limit(48)
            .map(HH_MM::format)
            .filter(t -> t.startsWith(query));
    return Stream.concat(exactTime(query).stream(), halfHours).distinct().toList();
  }

  private static List<String> exactTime(String query) {
    try {
      return List.of(HH_MM.format(LocalTime.parse(query, DateTimeFormatter.ofPattern("H:mm"))));
    } catch (DateTimeParseException e) {
      return List.of();
    }
  }
}
