package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on Telegram and PostgreSQL, with the database gone for a minute while users write: every
 * message is answered once it is back, nothing is lost, and nobody is told "something went wrong".
 */
class PostgresOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  private DatabaseSettings settings;

  @AfterEach
  void drop() {
    if (settings != null) {
      TestDatabases.dropPostgres(settings);
    }
  }

  @Test
  void messagesSentDuringAnOutageAreAnsweredWhenTheDatabaseIsBack() throws Exception {
    settings = TestDatabases.postgres();
    URI pg = URI.create(TestDatabases.POSTGRES_URL.substring("jdbc:".length()));
    try (UpdateQueueBotApi api = new UpdateQueueBotApi();
        DatabaseOutageProxy proxy = new DatabaseOutageProxy(pg.getHost(), pg.getPort())) {
      String url =
          settings.url().replace(pg.getHost() + ":" + pg.getPort(), "127.0.0.1:" + proxy.port());
      Process bot = start(api, url);
      try {
        for (int i = 0; i < 10; i++) {
          api.queueMessage(8000 + i, "/help");
        }
        awaitChats(api, 10, Duration.ofSeconds(60));

        proxy.goDown();
        long downAt = System.nanoTime();
        for (int i = 10; i < 30; i++) {
          api.queueMessage(8000 + i, "/help");
          Thread.sleep(OUTAGE.toMillis() / 40);
        }
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - downAt) / 1_000_000));
        assertThat(api.replies()).hasSize(10);
        proxy.comeBack();
        long backAt = System.nanoTime();

        awaitChats(api, 30, Duration.ofSeconds(90));
        double recovery = (System.nanoTime() - backAt) / 1e9;
        System.out.printf(
            "outage: %d s down, 20 messages sent meanwhile, all answered %.1f s after it ended%n",
            OUTAGE.toSeconds(), recovery);
        assertThat(api.replies()).hasSize(30);
        assertThat(api.replies().values())
            .allSatisfy(
                texts ->
                    assertThat(texts)
                        .singleElement()
                        .satisfies(text -> assertThat(text).contains("/today")));
      } finally {
        bot.destroy();
        bot.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private Process start(UpdateQueueBotApi api, String url) throws Exception {
    return TelegramJar.start(
        api, dataDir, Map.of("STUDYBOT_DB_URL", url, "STUDYBOT_DB_USER", settings.user()));
  }

  private static void awaitChats(UpdateQueueBotApi api, int chats, Duration timeout)
      throws InterruptedException {
    TelegramJar.awaitChats(api, chats, timeout);
    assertThat(api.replies()).as("chats answered").hasSize(chats);
  }
}
