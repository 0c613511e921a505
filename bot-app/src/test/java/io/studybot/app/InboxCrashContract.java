package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar on Telegram, killed with SIGKILL while it works through a queue of updates, then
 * started again: every update is answered, none is lost, and what the dead process had in hand is
 * taken up again once its leases run out.
 */
abstract class InboxCrashContract {
  static final int LEARNERS = 60;
  private static final int INBOX_WORKERS = 8;

  @TempDir Path dataDir;

  /** The database settings for the jar (STUDYBOT_DB_URL and so on), none for H2. */
  protected abstract Map<String, String> database();

  @Test
  void aKilledBotAnswersEveryQueuedUpdateAfterItsRestart() throws Exception {
    Map<String, String> database = database();
    try (UpdateQueueBotApi api = new UpdateQueueBotApi()) {
      for (int i = 0; i < LEARNERS; i++) {
        api.queueMessage(7000 + i, "/help");
      }
      Process first = start(api, database);
      awaitReplies(api, LEARNERS / 4, Duration.ofSeconds(60));
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int beforeKill = api.repliesSent();

      Process second = start(api, database);
      try {
        TelegramJar.awaitChats(api, LEARNERS, Duration.ofSeconds(90));
        // A moment more for a repeat that would come late.
        Thread.sleep(1000);
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }

      // Kept for a look when the test fails: the log of both runs.
      Files.copy(
          dataDir.resolve("studybot.log"),
          Path.of("target", getClass().getSimpleName() + ".log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Map<String, List<String>> replies = api.replies();
      long duplicates = replies.values().stream().mapToLong(r -> r.size() - 1).sum();
      System.out.printf(
          "inbox crash: %d updates, %d answered before the kill, lost %d, repeated %d%n",
          LEARNERS, beforeKill, LEARNERS - replies.size(), duplicates);
      replies.forEach(
          (chat, texts) -> {
            if (texts.size() > 1) {
              System.out.println(
                  "repeated in "
                      + chat
                      + ": "
                      + texts.stream()
                          .map(
                              t ->
                                  t.replace("\n", " ").substring(0, Math.min(60, t.length()))
                                      + "…"
                                      + t.length())
                          .toList());
            }
          });
      assertThat(replies).hasSize(LEARNERS);
      assertThat(replies.values()).allSatisfy(r -> assertThat(r.get(0)).contains("/today"));
      // Each update's turn ran once; only a reply the dead process had shown but not yet marked
      // done can be shown again, so at most one per inbox worker.
      assertThat(duplicates).isLessThanOrEqualTo(INBOX_WORKERS);
      assertThat(Files.readString(dataDir.resolve("studybot.log")))
          .doesNotContain(UpdateQueueBotApi.class.getSimpleName())
          .contains("Telegram long polling started");
    }
  }

  private Process start(UpdateQueueBotApi api, Map<String, String> database) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(database);
    env.put("STUDYBOT_SCHEDULER", "false");
    return TelegramJar.start(api, dataDir, env);
  }

  private static void awaitReplies(UpdateQueueBotApi api, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (api.repliesSent() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("only " + api.repliesSent() + " replies within " + timeout);
      }
      Thread.sleep(5);
    }
  }
}
