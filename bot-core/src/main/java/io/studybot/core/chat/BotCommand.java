package io.studybot.core.chat;

import io.studybot.content.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every command the bot understands, in one place: its name, its name and description in Chinese
 * and English, where it may be used, whether its answer concerns only the sender, and whether only
 * a group's admins may use it. The conversation, the Telegram command menus, the Discord slash
 * commands and the admin checks are all derived from this list.
 */
public enum BotCommand {
  START(
      "start", "开始", "Set up language, time zone and lesson time", "设置语言、时区和课程时间", Scope.ANY, true),
  HELP("help", "帮助", "The list of commands", "命令列表", Scope.ANY, false),
  TODAY("today", "今日", "The lesson of the current topic", "当前主题的课程", Scope.ANY, false),
  QUIZ("quiz", "测验", "Questions on the current topic", "当前主题的小测", Scope.ANY, false),
  NEXT(
      "next",
      "下一课",
      "Move on to the next topic now (in a group: admins)",
      "现在就进入下一个主题（群聊中仅管理员）",
      Scope.ANY,
      false,
      true),
  SKIP(
      "skip",
      "跳过",
      "Skip this topic; open questions count as missed (in a group: admins)",
      "跳过这个主题，没回答的题记为答错（群聊中仅管理员）",
      Scope.ANY,
      false,
      true),
  REVIEW("review", "复习", "Questions due for spaced review", "到期需要复习的题目", Scope.PRIVATE, true),
  PROGRESS(
      "progress",
      "进度",
      "Your progress and streak; in a group, its leaderboard",
      "你的进度和连续天数；群聊中是排行榜",
      Scope.ANY,
      false),
  TOPICS(
      "topics",
      "目录",
      "The syllabus; /topics N shows phase N",
      "课程大纲，/topics N 查看第 N 阶段",
      Scope.ANY,
      false),
  SETTINGS(
      "settings",
      "设置",
      "Language, time zone, lesson and quiz times",
      "语言、时区、课程和小测时间",
      Scope.PRIVATE,
      true),
  PAUSE(
      "pause",
      "暂停",
      "Stop daily deliveries; your streak is frozen",
      "暂停每日推送，连续天数冻结",
      Scope.PRIVATE,
      true),
  RESUME("resume", "继续", "Restart daily deliveries", "恢复每日推送", Scope.PRIVATE, true),
  FORGET("forget", "删除数据", "Delete all your data", "删除你的全部数据", Scope.PRIVATE, true),
  LINK(
      "link",
      "关联",
      "Join this account with yours on another platform",
      "把这个账号和你在另一个平台上的账号关联",
      Scope.PRIVATE,
      true),
  UNLINK("unlink", "取消关联", "Separate this account again", "再次分开这个账号", Scope.PRIVATE, true),
  PRIVACY(
      "privacy",
      "隐私",
      "Hide from or appear in group leaderboards and digests",
      "在群排行榜和每周小结中隐藏或显示",
      Scope.PRIVATE,
      true),
  PLACEMENT(
      "placement",
      "定级测试",
      "A short test of what you know; the course starts after it",
      "简短的水平测试，课程从你还不会的主题开始",
      Scope.PRIVATE,
      true),
  SUBSCRIBE(
      "subscribe",
      "订阅",
      "Admins: a daily lesson and quiz here, e.g. /subscribe 08:00 20:00 Europe/Berlin",
      "管理员：本群每日课程和小测，例如 /subscribe 08:00 20:00 Asia/Shanghai",
      Scope.GROUP,
      false),
  UNSUBSCRIBE(
      "unsubscribe",
      "取消订阅",
      "Admins: stop the daily lesson and quiz here",
      "管理员：停止本群的每日课程和小测",
      Scope.GROUP,
      false);

  /** Where a command is meant to be used; elsewhere it answers with a pointer. */
  public enum Scope {
    PRIVATE,
    GROUP,
    ANY
  }

  private final String command;
  private final String zhName;
  private final String en;
  private final String zh;
  private final Scope scope;
  private final boolean personal;
  private final boolean adminOnly;

  BotCommand(String command, String zhName, String en, String zh, Scope scope, boolean personal) {
    this(command, zhName, en, zh, scope, personal, scope == Scope.GROUP);
  }

  BotCommand(
      String command,
      String zhName,
      String en,
      String zh,
      Scope scope,
      boolean personal,
      boolean adminOnly) {
    this.command = command;
    this.zhName = zhName;
    this.en = en;
    this.zh = zh;
    this.scope = scope;
    this.personal = personal;
    this.adminOnly = adminOnly;
  }

  /** The command as typed, without the slash. */
  public String command() {
    return command;
  }

  /** The command's name in Chinese, for platforms that localize command names. */
  public String zhName() {
    return zhName;
  }

  public String description(Language language) {
    return language == Language.ZH ? zh : en;
  }

  public Scope scope() {
    return scope;
  }

  /** Whether it belongs in a menu of this kind of chat. */
  public boolean usableIn(ChatKind kind) {
    return scope == Scope.ANY || (scope == Scope.GROUP) == (kind == ChatKind.GROUP);
  }

  /** Whether its answer concerns only the sender, so a shared chat shows it to them alone. */
  public boolean personal() {
    return personal;
  }

  /**
   * Whether, in a group, only its admins may use it: the commands that change the whole group's
   * deliveries or move its course. Adapters tell the core who administers a group.
   */
  public boolean adminOnly() {
    return adminOnly;
  }

  public static Optional<BotCommand> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.command.equals(wanted)).findFirst();
  }

  /** The commands for a chat of this kind, in menu order. */
  public static List<BotCommand> menuFor(ChatKind kind) {
    return Arrays.stream(values()).filter(c -> c.usableIn(kind)).toList();
  }
}
