package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.RateLimits;
import io.studybot.discord.DiscordSettings;
import io.studybot.discord.ShardRange;
import io.studybot.telegram.TelegramSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void defaultsNeedNothingSet() {
    AppConfig config = AppConfig.from(Map.of());
    assertThat(config.console()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.database().url()).startsWith("jdbc:h2:file:").contains("data");
    assertThat(config.questionsPerQuiz()).isEqualTo(3);
    assertThat(config.telegramApiUrl().toString()).isEqualTo("https://api.telegram.org");
  }

  @Test
  void postgresIsChosenByUrl() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "STUDYBOT_DB_URL", "jdbc:postgresql://db:5432/study", "STUDYBOT_DB_USER", "bot"));
    assertThat(config.database().isPostgres()).isTrue();
    assertThat(config.database().user()).isEqualTo("bot");
  }

  @Test
  void aPlatformTokenTurnsTheConsoleOffUnlessAskedFor() {
    assertThat(AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc")).console()).isFalse();
    assertThat(
            AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "STUDYBOT_CONSOLE", "true"))
                .console())
        .isTrue();
  }

  @Test
  void aDiscordTokenRunsTheDiscordBotWithItsGuildAndShards() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "DISCORD_BOT_TOKEN", "d-token",
                "DISCORD_GUILD_ID", "123456789012345678",
                "DISCORD_SHARDS", "0-3/8"));

    assertThat(config.console()).isFalse();
    DiscordSettings discord = config.discord().orElseThrow();
    assertThat(discord.token()).isEqualTo("d-token");
    assertThat(discord.guildId()).contains("123456789012345678");
    assertThat(discord.shards()).contains(new ShardRange(0, 3, 8));
  }

  @Test
  void withoutGuildOrShardsCommandsAreGlobalOnOneSession() {
    DiscordSettings discord =
        AppConfig.from(Map.of("DISCORD_BOT_TOKEN", "d-token")).discord().orElseThrow();

    assertThat(discord.guildId()).isEmpty();
    assertThat(discord.shards()).isEmpty();
    assertThat(discord.apiUrl()).hasToString("https://discord.com/api/v10/");
    assertThat(discord.usesDiscord()).isTrue();
  }

  @Test
  void discordApiUrlPointsTheBotAtAnotherRestBase() {
    DiscordSettings discord =
        AppConfig.from(
                Map.of(
                    "DISCORD_BOT_TOKEN", "d-token",
                    "DISCORD_API_URL", "http://127.0.0.1:8080/api/v10"))
            .discord()
            .orElseThrow();

    assertThat(discord.apiUrl()).hasToString("http://127.0.0.1:8080/api/v10/");
    assertThat(discord.usesDiscord()).isFalse();
  }

  @Test
  void theDispatchTickRunsEveryMinuteUnlessADivisorOfAMinuteIsSet() {
    assertThat(AppConfig.from(Map.of()).dispatchSeconds()).isEqualTo(60);
    assertThat(AppConfig.from(Map.of("STUDYBOT_DISPATCH_SECONDS", "5")).dispatchSeconds())
        .isEqualTo(5);
    assertBad(
        Map.of("STUDYBOT_DISPATCH_SECONDS", "7"),
        "STUDYBOT_DISPATCH_SECONDS: expected a divisor of 60");
    assertBad(
        Map.of("STUDYBOT_DISPATCH_SECONDS", "0"),
        "STUDYBOT_DISPATCH_SECONDS: expected a whole number from 1 to 60");
  }

  @Test
  void theConsoleWinsOverADiscordToken() {
    AppConfig config =
        AppConfig.from(Map.of("DISCORD_BOT_TOKEN", "d-token", "STUDYBOT_CONSOLE", "true"));

    assertThat(config.discord()).isEmpty();
  }

  @Test
  void badDiscordSettingsNameTheVariable() {
    assertBad(
        Map.of("DISCORD_GUILD_ID", "my-server"),
        "DISCORD_GUILD_ID: expected a server id (17 to 20 digits)");
    assertBad(Map.of("DISCORD_API_URL", "ws://x"), "DISCORD_API_URL: expected an http(s):// URL");
    assertBad(
        Map.of("DISCORD_SHARDS", "0-3"),
        "DISCORD_SHARDS: expected FIRST-LAST/TOTAL with FIRST <= LAST < TOTAL, such as 0-3/8");
    assertBad(
        Map.of("DISCORD_SHARDS", "2-8/8"),
        "DISCORD_SHARDS: expected FIRST-LAST/TOTAL with FIRST <= LAST < TOTAL, such as 0-3/8");
  }

  @Test
  void metricsAndHealthAreServedOn8080ForAPlatformAndOnlyWhenAskedForTheConsole() {
    assertThat(AppConfig.from(Map.of()).httpPort()).isEmpty();
    assertThat(AppConfig.from(Map.of("STUDYBOT_HTTP_PORT", "9100")).httpPort()).contains(9100);
    assertThat(AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc")).httpPort()).contains(8080);
    assertThat(
            AppConfig.from(Map.of("DISCORD_BOT_TOKEN", "d", "STUDYBOT_CONSOLE", "true")).httpPort())
        .isEmpty();
    assertThat(
            AppConfig.from(Map.of("DISCORD_BOT_TOKEN", "d", "STUDYBOT_HTTP_PORT", "OFF"))
                .httpPort())
        .isEmpty();
    assertThat(
            AppConfig.from(Map.of("DISCORD_BOT_TOKEN", "d", "STUDYBOT_HTTP_PORT", "0")).httpPort())
        .contains(0);
    for (String bad : List.of("-1", "65536", "http", "80 80")) {
      assertBad(
          Map.of("STUDYBOT_HTTP_PORT", bad),
          "STUDYBOT_HTTP_PORT: expected a port from 1 to 65535, 0 for any free port, or off");
    }
  }

  @Test
  void badSettingsNameTheVariable() {
    assertBad(
        Map.of("STUDYBOT_QUIZ_QUESTIONS", "lots"),
        "STUDYBOT_QUIZ_QUESTIONS: expected a whole number from 1 to 10");
    assertBad(Map.of("STUDYBOT_QUIZ_QUESTIONS", "0"), "STUDYBOT_QUIZ_QUESTIONS");
    assertBad(Map.of("STUDYBOT_CONSOLE", "yes"), "STUDYBOT_CONSOLE: expected true or false");
    assertBad(
        Map.of("STUDYBOT_DB_URL", "mysql://x"), "STUDYBOT_DB_URL: expected a jdbc:postgresql://");
    assertBad(
        Map.of("TELEGRAM_API_URL", "ftp://x"), "TELEGRAM_API_URL: expected an http(s):// URL");
    assertBad(
        Map.of("STUDYBOT_CURRICULUM_DIR", "/no/such/folder"),
        "STUDYBOT_CURRICULUM_DIR: not a folder");
    assertBad(Map.of("STUDYBOT_ADMINS", "irc:5"), "STUDYBOT_ADMINS: expected platform:id");
    assertBad(Map.of("STUDYBOT_ADMINS", "telegram:"), "STUDYBOT_ADMINS: expected platform:id");
    assertBad(Map.of("STUDYBOT_ADMINS", "telegram:1,"), "STUDYBOT_ADMINS: expected platform:id");
  }

  @Test
  void operatorsAreListedAsPlatformAndId() {
    AppConfig config =
        AppConfig.from(Map.of("STUDYBOT_ADMINS", " telegram:12345 , discord:67890,console:local"));
    assertThat(config.admins().size()).isEqualTo(3);
    assertThat(config.toString()).contains("admins=3").doesNotContain("12345");
    assertThat(AppConfig.from(Map.of()).admins().size()).isZero();
  }

  @Test
  void aBadSettingNeverRepeatsItsValueWhichMayHoldASecret() {
    String secret = "s3cr3t-Pa55";
    Map<String, String> bad =
        Map.ofEntries(
            Map.entry("STUDYBOT_DB_URL", "mysql://admin:" + secret + "@db/studybot"),
            Map.entry("TELEGRAM_WEBHOOK_URL", "http://bot.example.org/123:" + secret),
            Map.entry("TELEGRAM_API_URL", "https://api.example.org/bot123:" + secret),
            Map.entry("TELEGRAM_WEBHOOK_SECRET", secret + " with spaces"),
            Map.entry("DISCORD_GUILD_ID", secret),
            Map.entry("DISCORD_SHARDS", secret),
            Map.entry("DISCORD_API_URL", "ftp://proxy.example.org/" + secret),
            Map.entry("STUDYBOT_QUIZ_QUESTIONS", secret),
            Map.entry("STUDYBOT_SCHEDULER", secret),
            Map.entry("STUDYBOT_CURRICULUM_DIR", "/no/" + secret),
            Map.entry("STUDYBOT_HTTP_PORT", secret),
            Map.entry("STUDYBOT_ADMINS", "telegram:1,slack:" + secret));
    bad.forEach(
        (name, value) ->
            assertThatThrownBy(() -> AppConfig.from(Map.of(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(name + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret)));
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "STUDYBOT_DB_URL",
                        "jdbc:postgresql://db/studybot",
                        "STUDYBOT_DB_POOL_SIZE",
                        secret)))
        .hasMessageStartingWith("STUDYBOT_DB_POOL_SIZE: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
  }

  @Test
  void aTelegramTokenGivesLongPollingWithTelegramsLimits() {
    AppConfig config =
        AppConfig.from(
            Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_API_URL", "http://127.0.0.1:9000"));
    TelegramSettings telegram = config.telegram().orElseThrow();
    assertThat(telegram.token()).isEqualTo("123:abc");
    assertThat(telegram.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(telegram.webhookUrl()).isEmpty();
    assertThat(telegram.rateLimits())
        .isEqualTo(new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(3)));
    assertThat(AppConfig.from(Map.of()).telegram()).isEmpty();
    assertThat(
            AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "STUDYBOT_CONSOLE", "true"))
                .telegram())
        .isEmpty();
  }

  @Test
  void aWebhookUrlSwitchesTelegramToWebhooks() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "TELEGRAM_BOT_TOKEN", "123:abc",
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram",
                "TELEGRAM_WEBHOOK_SECRET", "s3cret_-X",
                "TELEGRAM_WEBHOOK_PORT", "8081"));
    TelegramSettings telegram = config.telegram().orElseThrow();
    assertThat(telegram.webhookUrl()).contains(URI.create("https://bot.example.org/telegram"));
    assertThat(telegram.webhookSecret()).contains("s3cret_-X");
    assertThat(telegram.webhookPort()).isEqualTo(8081);
    assertThat(config.toString()).contains("telegramUpdates=webhook").doesNotContain("s3cret");
  }

  @Test
  void telegramRateLimitsCanBeLowered() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "TELEGRAM_BOT_TOKEN", "123:abc",
                "TELEGRAM_MESSAGES_PER_SECOND", "10",
                "TELEGRAM_PRIVATE_CHAT_MESSAGES_PER_MINUTE", "30",
                "TELEGRAM_GROUP_MESSAGES_PER_MINUTE", "12"));
    assertThat(config.telegram().orElseThrow().rateLimits())
        .isEqualTo(new RateLimits(10, Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @Test
  void badTelegramSettingsNameTheVariable() {
    assertBad(
        Map.of("TELEGRAM_WEBHOOK_URL", "http://bot.example.org/hook"),
        "TELEGRAM_WEBHOOK_URL: expected the public https:// URL");
    assertBad(
        Map.of("TELEGRAM_WEBHOOK_SECRET", "no spaces allowed"),
        "TELEGRAM_WEBHOOK_SECRET: expected 1 to 256 letters");
    assertBad(Map.of("TELEGRAM_WEBHOOK_PORT", "70000"), "TELEGRAM_WEBHOOK_PORT");
    assertBad(Map.of("TELEGRAM_MESSAGES_PER_SECOND", "0"), "TELEGRAM_MESSAGES_PER_SECOND");
    assertBad(
        Map.of("TELEGRAM_GROUP_MESSAGES_PER_MINUTE", "many"), "TELEGRAM_GROUP_MESSAGES_PER_MINUTE");
    assertBad(
        Map.of("TELEGRAM_API_URL", "https://proxy.example.org/telegram"),
        "TELEGRAM_API_URL: expected a base URL without a path");
  }

  @Test
  void tokensNeverAppearInTheDescription() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "TELEGRAM_BOT_TOKEN",
                "123:secret",
                "DISCORD_BOT_TOKEN",
                "d-secret",
                "STUDYBOT_DB_URL",
                "jdbc:postgresql://db/x?password=hunter2",
                "STUDYBOT_DB_PASSWORD",
                "hunter2"));
    assertThat(config.toString())
        .doesNotContain("secret", "hunter2")
        .contains("telegram=set", "discord=set");
    assertThat(config.discord().orElseThrow().toString()).doesNotContain("secret");
  }

  private static void assertBad(Map<String, String> env, String message) {
    assertThatThrownBy(() -> AppConfig.from(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
