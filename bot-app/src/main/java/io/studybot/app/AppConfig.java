package io.studybot.app;

import io.studybot.core.chat.RateLimits;
import io.studybot.core.conversation.Admins;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.discord.DiscordSettings;
import io.studybot.discord.ShardRange;
import io.studybot.telegram.TelegramSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the environment, checked once at start-up. Tokens are kept out of {@link
 * #toString()} so they can never reach a log line.
 */
record AppConfig(
    Path dataDir,
    DatabaseSettings database,
    boolean console,
    int questionsPerQuiz,
    int reviewsPerDay,
    boolean scheduler,
    int dispatchSeconds,
    int maxPauseDays,
    Optional<Path> curriculumDir,
    Optional<String> telegramToken,
    URI telegramApiUrl,
    Optional<TelegramSettings> telegramSettings,
    Optional<String> discordToken,
    Optional<String> discordGuildId,
    Optional<ShardRange> discordShards,
    Admins admins,
    Optional<Integer> httpPort,
    URI discordApiUrl) {

  /** Where /metrics and /health are served by default when a platform runs. */
  static final int DEFAULT_HTTP_PORT = 8080;

  static AppConfig from(Map<String, String> env) {
    Path dataDir = Path.of(value(env, "STUDYBOT_DATA_DIR").orElse("./data"));
    DatabaseSettings database = database(env, dataDir);
    Optional<String> telegram = value(env, "TELEGRAM_BOT_TOKEN");
    Optional<String> discord = value(env, "DISCORD_BOT_TOKEN");
    boolean console = flag(env, "STUDYBOT_CONSOLE").orElse(telegram.isEmpty() && discord.isEmpty());
    StudyRules defaults = StudyRules.DEFAULT;
    int questions = number(env, "STUDYBOT_QUIZ_QUESTIONS", defaults.questionsPerQuiz(), 1, 10);
    int reviews = number(env, "STUDYBOT_REVIEWS_PER_DAY", defaults.reviewsPerDay(), 0, 50);
    boolean scheduler = flag(env, "STUDYBOT_SCHEDULER").orElse(true);
    int dispatchSeconds = dispatchSeconds(env);
    int maxPauseDays = number(env, "STUDYBOT_PAUSE_MAX_DAYS", defaults.maxFrozenDays(), 0, 365);
    Optional<Path> curriculum = value(env, "STUDYBOT_CURRICULUM_DIR").map(Path::of);
    curriculum.ifPresent(
        dir -> {
          if (!dir.toFile().isDirectory()) {
            throw new ConfigException("STUDYBOT_CURRICULUM_DIR: not a folder");
          }
        });
    URI telegramUrl = url(env, "TELEGRAM_API_URL", TelegramSettings.DEFAULT_API_URL.toString());
    Optional<TelegramSettings> telegramSettings = telegram(env, telegram, telegramUrl);
    return new AppConfig(
        dataDir,
        database,
        console,
        questions,
        reviews,
        scheduler,
        dispatchSeconds,
        maxPauseDays,
        curriculum,
        telegram,
        telegramUrl,
        telegramSettings,
        discord,
        discordGuildId(env),
        discordShards(env),
        admins(env),
        httpPort(env, !console && (telegram.isPresent() || discord.isPresent()), telegramSettings),
        url(env, "DISCORD_API_URL", DiscordSettings.DEFAULT_API_URL.toString()));
  }

  /**
   * The port of /metrics and /health, or empty when off. A platform bot serves them on 8080 by
   * default; the console, a local try-out, only when asked, so a taken 8080 never stops it.
   */
  private static Optional<Integer> httpPort(
      Map<String, String> env, boolean platforms, Optional<TelegramSettings> telegram) {
    Optional<Integer> port = httpPort(env, platforms);
    Optional<Integer> webhookPort =
        telegram
            .filter(settings -> settings.webhookUrl().isPresent())
            .map(TelegramSettings::webhookPort);
    if (port.isPresent() && port.get() != 0 && port.equals(webhookPort)) {
      throw new ConfigException(
          "STUDYBOT_HTTP_PORT: the same port as TELEGRAM_WEBHOOK_PORT; give them different ports");
    }
    return port;
  }

  private static Optional<Integer> httpPort(Map<String, String> env, boolean platforms) {
    Optional<String> text = value(env, "STUDYBOT_HTTP_PORT");
    if (text.isEmpty()) {
      return platforms ? Optional.of(DEFAULT_HTTP_PORT) : Optional.empty();
    }
    if (text.get().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(text.get());
      if (port >= 0 && port <= 65535) {
        return Optional.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "STUDYBOT_HTTP_PORT: expected a port from 1 to 65535, 0 for any free port, or off");
  }

  /** The operators' accounts; an entry that names no known platform or no id stops start-up. */
  private static Admins admins(Map<String, String> env) {
    try {
      return value(env, "STUDYBOT_ADMINS").map(Admins::parse).orElse(Admins.NONE);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "STUDYBOT_ADMINS: expected platform:id entries separated by commas, such as"
              + " telegram:12345,discord:67890 (platforms: telegram, discord, console)");
    }
  }

  /**
   * How often the dispatch tick runs: a divisor of a minute, so the ticks stay on the minute where
   * lesson times fall.
   */
  private static int dispatchSeconds(Map<String, String> env) {
    int seconds = number(env, "STUDYBOT_DISPATCH_SECONDS", 60, 1, 60);
    if (60 % seconds != 0) {
      throw new ConfigException(
          "STUDYBOT_DISPATCH_SECONDS: expected a divisor of 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30"
              + " or 60)");
    }
    return seconds;
  }

  /** The Telegram bot's settings, when it has a token and the console is not asked for. */
  Optional<TelegramSettings> telegram() {
    return telegramSettings.filter(settings -> !console);
  }

  /** The Telegram adapter's settings, checked even without a token so a typo shows early. */
  private static Optional<TelegramSettings> telegram(
      Map<String, String> env, Optional<String> token, URI apiUrl) {
    String path = apiUrl.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new ConfigException(
          "TELEGRAM_API_URL: expected a base URL without a path, such as https://api.telegram.org");
    }
    Optional<URI> webhook = value(env, "TELEGRAM_WEBHOOK_URL").map(AppConfig::webhookUrl);
    Optional<String> secret = value(env, "TELEGRAM_WEBHOOK_SECRET");
    if (secret.isPresent() && !secret.get().matches("[A-Za-z0-9_-]{1,256}")) {
      throw new ConfigException(
          "TELEGRAM_WEBHOOK_SECRET: expected 1 to 256 letters, digits, _ or -");
    }
    int port =
        number(env, "TELEGRAM_WEBHOOK_PORT", TelegramSettings.DEFAULT_WEBHOOK_PORT, 1, 65535);
    int perSecond = number(env, "TELEGRAM_MESSAGES_PER_SECOND", 30, 1, 1000);
    int privatePerMinute = number(env, "TELEGRAM_PRIVATE_CHAT_MESSAGES_PER_MINUTE", 60, 1, 600);
    int groupPerMinute = number(env, "TELEGRAM_GROUP_MESSAGES_PER_MINUTE", 20, 1, 600);
    RateLimits limits =
        new RateLimits(
            perSecond,
            Duration.ofMinutes(1).dividedBy(privatePerMinute),
            Duration.ofMinutes(1).dividedBy(groupPerMinute));
    return token.map(t -> new TelegramSettings(t, apiUrl, webhook, secret, port, limits));
  }

  private static URI webhookUrl(String text) {
    try {
      URI uri = URI.create(text);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConfigException(
        "TELEGRAM_WEBHOOK_URL: expected the public https:// URL Telegram should post to");
  }

  /** The Discord bot's settings, when it has a token and the console is not asked for. */
  Optional<DiscordSettings> discord() {
    return discordToken
        .filter(token -> !console)
        .map(token -> new DiscordSettings(token, discordGuildId, discordShards, discordApiUrl));
  }

  private static Optional<String> discordGuildId(Map<String, String> env) {
    Optional<String> id = value(env, "DISCORD_GUILD_ID");
    if (id.isPresent() && !id.get().matches("\\d{17,20}")) {
      throw new ConfigException("DISCORD_GUILD_ID: expected a server id (17 to 20 digits)");
    }
    return id;
  }

  private static Optional<ShardRange> discordShards(Map<String, String> env) {
    try {
      return value(env, "DISCORD_SHARDS").map(ShardRange::parse);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "DISCORD_SHARDS: expected FIRST-LAST/TOTAL with FIRST <= LAST < TOTAL, such as 0-3/8");
    }
  }

  private static DatabaseSettings database(Map<String, String> env, Path dataDir) {
    Optional<String> url = value(env, "STUDYBOT_DB_URL");
    if (url.isEmpty()) {
      return DatabaseSettings.embedded(dataDir);
    }
    if (!url.get().startsWith("jdbc:postgresql:") && !url.get().startsWith("jdbc:h2:")) {
      throw new ConfigException(
          "STUDYBOT_DB_URL: expected a jdbc:postgresql://host:port/database URL (or jdbc:h2:…)");
    }
    String user = value(env, "STUDYBOT_DB_USER").orElse("");
    String password = value(env, "STUDYBOT_DB_PASSWORD").orElse("");
    int pool = number(env, "STUDYBOT_DB_POOL_SIZE", 8, 1, 100);
    return new DatabaseSettings(url.get(), user, password, pool);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Optional<Boolean> flag(Map<String, String> env, String name) {
    return value(env, name)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true")) {
                return true;
              }
              if (v.equalsIgnoreCase("false")) {
                return false;
              }
              throw new ConfigException(name + ": expected true or false");
            });
  }

  private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> text = value(env, name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(text.get());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new ConfigException(name + ": expected a whole number from " + min + " to " + max);
  }

  private static URI url(Map<String, String> env, String name, String fallback) {
    String text = value(env, name).orElse(fallback);
    try {
      URI uri = URI.create(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConfigException(name + ": expected an http(s):// URL");
  }

  @Override
  public String toString() {
    return "AppConfig[dataDir="
        + dataDir
        + ", database="
        + database.describe()
        + ", console="
        + console
        + ", questionsPerQuiz="
        + questionsPerQuiz
        + ", reviewsPerDay="
        + reviewsPerDay
        + ", curriculumDir="
        + curriculumDir
        + ", telegram="
        + (telegramToken.isPresent() ? "set" : "unset")
        + ", telegramApiUrl="
        + telegramApiUrl
        // The webhook URL's path may hold a secret of its own; say only which mode runs.
        + ", telegramUpdates="
        + (telegramSettings.flatMap(TelegramSettings::webhookUrl).isPresent()
            ? "webhook"
            : "polling")
        + ", discord="
        + (discordToken.isPresent() ? "set" : "unset")
        + ", discordGuildId="
        + discordGuildId.orElse("none")
        + ", discordShards="
        + discordShards.map(ShardRange::toString).orElse("none")
        + ", admins="
        + admins.size()
        + ", httpPort="
        + httpPort.map(String::valueOf).orElse("off")
        // Like the Telegram URL's, a proxy's URL may hold a secret: say only whose it is.
        + ", discordApiUrl="
        + (discordApiUrl.equals(DiscordSettings.DEFAULT_API_URL) ? "discord" : "custom")
        + ", dispatchSeconds="
        + dispatchSeconds
        + "]";
  }
}
