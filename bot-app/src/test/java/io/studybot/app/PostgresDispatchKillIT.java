package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 learners' lessons fall due at once; the jar is killed with SIGKILL while it sends them and
 * started again: every learner gets the lesson, and only a delivery in flight at the kill can come
 * twice.
 */
class PostgresDispatchKillIT {
  private static final int LEARNERS = 2_000;

  /** Sends in flight at once (the sender's workers): at most these can repeat after a kill. */
  private static final int SEND_WORKERS = 16;

  @TempDir Path dataDir;
  private DatabaseSettings settings;

  @AfterEach
  void drop() {
    if (settings != null) {
      TestDatabases.dropPostgres(settings);
    }
  }

  @Test
  void aKillDuringTheMorningDispatchLosesNoLesson() throws Exception {
    settings = TestDatabases.postgres();
    try (Database database = Database.open(settings)) {
      ScheduleSeeder.seedDueLearners(
          database, LEARNERS, Instant.now().minusSeconds(30), DeliveryKind.LESSON);
    }
    try (UpdateQueueBotApi api = new UpdateQueueBotApi()) {
      Process first = start(api);
      TelegramJar.awaitChats(api, LEARNERS / 5, Duration.ofSeconds(90));
      assertThat(api.replies()).as("chats served").hasSizeGreaterThanOrEqualTo(LEARNERS / 5);
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int beforeKill = api.replies().size();

      Process second = start(api);
      try {
        TelegramJar.awaitChats(api, LEARNERS, Duration.ofSeconds(120));
        assertThat(api.replies()).as("chats served").hasSizeGreaterThanOrEqualTo(LEARNERS);
        Thread.sleep(2000);
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }

      Map<String, List<String>> sent = api.replies();
      int perLesson = mostCommonCount(sent);
      long repeated = sent.values().stream().filter(texts -> texts.size() > perLesson).count();
      System.out.printf(
          "dispatch kill: %d lessons, %d chats served before the kill, lost %d, repeated %d%n",
          LEARNERS, beforeKill, LEARNERS - sent.size(), repeated);
      assertThat(sent).hasSize(LEARNERS);
      assertThat(repeated).isLessThanOrEqualTo(SEND_WORKERS);
    }
  }

  private static int mostCommonCount(Map<String, List<String>> sent) {
    return sent.values().stream()
        .collect(Collectors.groupingBy(List::size, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(1);
  }

  private Process start(UpdateQueueBotApi api) throws Exception {
    return TelegramJar.start(
        api,
        dataDir,
        Map.of(
            "STUDYBOT_DISPATCH_SECONDS",
            "1",
            "TELEGRAM_MESSAGES_PER_SECOND",
            "200",
            "STUDYBOT_DB_URL",
            settings.url(),
            "STUDYBOT_DB_USER",
            settings.user()));
  }
}
