package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.telegram.TelegramEmulator;
import io.studybot.telegram.TelegramEmulator.Chat;
import io.studybot.telegram.TelegramEmulator.User;
import io.studybot.telegram.TelegramScenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started with {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_API_URL} pointing at
 * telegram-test-api, serves a private chat and a group, and stops cleanly on SIGTERM.
 */
class TelegramJarIT {
  private static final Path JAR = Path.of("target/studybot.jar");

  @TempDir Path dataDir;

  @Test
  void theJarServesTelegramUntilSigterm() throws Exception {
    try (TelegramEmulator emulator = TelegramEmulator.start()) {
      Path out = Files.createTempFile("studybot-out", ".txt");
      Path err = Files.createTempFile("studybot-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().remove("DISCORD_BOT_TOKEN");
      builder.environment().remove("STUDYBOT_CONSOLE");
      builder.environment().put("STUDYBOT_DATA_DIR", dataDir.toString());
      builder.environment().put("TELEGRAM_BOT_TOKEN", TelegramEmulator.TOKEN);
      builder.environment().put("TELEGRAM_API_URL", emulator.apiUrl().toString());
      // Any free port: several jars may run at once, and 8080 may be taken.
      builder.environment().put("STUDYBOT_HTTP_PORT", "0");
      Process bot = builder.start();
      try {
        TelegramScenarios.privateChat(emulator, new User(3001, "Grace", "en"));
        TelegramScenarios.groupLeaderboard(
            emulator,
            Chat.group(-7001, "Backend study group"),
            new User(3002, "<b>Eve & co</b>", "en"),
            new User(3003, "Bob", "en"));
        assertThat(bot.isAlive()).isTrue();
        healthAndMetricsAreServed(opsPort(out));
      } finally {
        bot.destroy();
        if (!bot.waitFor(60, TimeUnit.SECONDS)) {
          bot.destroyForcibly();
          throw new AssertionError("the jar did not stop on SIGTERM");
        }
      }
      // 128 + 15: the JVM ran its shutdown hooks and ended on SIGTERM.
      assertThat(bot.exitValue()).isEqualTo(143);
      String log = Files.readString(dataDir.resolve("studybot.log"));
      assertThat(log)
          .contains("Telegram long polling started", "Telegram long polling stopped")
          .doesNotContain(TelegramEmulator.TOKEN);
      assertThat(Files.readString(out)).contains("StudyBot is serving Telegram");
      String errors = Files.readString(err);
      assertThat(errors).doesNotContain(TelegramEmulator.TOKEN).doesNotContain("ERROR");
    }
  }

  /** The port the jar names in its "serving" line. */
  private static int opsPort(Path out) throws Exception {
    Pattern port = Pattern.compile("Health and metrics: port (\\d+)");
    for (int i = 0; i < 100; i++) {
      Matcher found = port.matcher(Files.readString(out));
      if (found.find()) {
        return Integer.parseInt(found.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the jar never said where it serves /health");
  }

  private static void healthAndMetricsAreServed(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = http.send(get(port, "/health"), BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
    HttpResponse<String> metrics = http.send(get(port, "/metrics"), BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "studybot_updates_handled_total{kind=\"command\",platform=\"telegram\"}",
            "studybot_handler_seconds_bucket",
            "studybot_outbox_pending",
            "studybot_dispatch_lag_seconds",
            "hikaricp_connections_active",
            "jvm_memory_used_bytes");
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
