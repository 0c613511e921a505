package io.studybot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The built jar serving Telegram against a local Bot API, as the process-level tests run it. */
final class TelegramJar {
  private static final Path JAR = Path.of("target/studybot.jar");

  private TelegramJar() {}

  /** Starts the jar with its data in {@code dataDir}; {@code env} adds or overrides settings. */
  static Process start(UpdateQueueBotApi api, Path dataDir, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().remove("STUDYBOT_CONSOLE");
    builder.environment().put("STUDYBOT_DATA_DIR", dataDir.toString());
    builder.environment().put("STUDYBOT_HTTP_PORT", "0");
    builder.environment().put("TELEGRAM_BOT_TOKEN", "123:process-test-token");
    builder.environment().put("TELEGRAM_API_URL", api.url().toString());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Waits until at least {@code chats} chats got a message, or the time is up. */
  static void awaitChats(UpdateQueueBotApi api, int chats, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (api.replies().size() < chats && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
