package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.Inbox;
import io.studybot.core.inbox.InboxHandler;
import io.studybot.core.inbox.InboxUpdate;
import io.studybot.core.schedule.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller confirms a batch to Telegram (by the next offset) only once the inbox holds it. */
class TelegramLongPollingRunnerTest {
  private static final String BATCH =
      "{\"ok\":true,\"result\":["
          + update(10, 300, "/today")
          + ","
          + update(11, 301, "/quiz")
          + "]}";

  private FakeBotApi api;
  private final List<InboxUpdate> stored = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private boolean storeFails;
  private TelegramLongPollingRunner runner;

  private final Inbox inbox =
      new Inbox() {
        @Override
        public void accept(List<InboxUpdate> updates) {
          if (storeFails) {
            throw new IllegalStateException("the database is down");
          }
          stored.addAll(updates);
        }

        @Override
        public void serve(Platform platform, InboxHandler handler) {}
      };

  private static String update(int id, long chat, String text) {
    return "{\"update_id\":"
        + id
        + ",\"message\":{\"message_id\":"
        + id
        + ",\"date\":1700000000,\"from\":{\"id\":"
        + chat
        + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":"
        + chat
        + ",\"type\":\"private\"},\"text\":\""
        + text
        + "\"}}";
  }

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    Sleeper recording = waits::add;
    runner =
        new TelegramLongPollingRunner(
            api.botApi(),
            inbox,
            new TelegramLongPollingRunner.PacedGetUpdates(
                Duration.ZERO, Clock.systemUTC(), recording),
            recording);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private List<Integer> offsets() {
    return api.calls("getUpdates").stream().map(c -> c.body().path("offset").asInt()).toList();
  }

  @Test
  void aStoredBatchIsConfirmedByTheNextPoll() throws Exception {
    api.answer("getUpdates", 200, BATCH);

    runner.pollOnce();
    runner.pollOnce();

    assertThat(stored).extracting(InboxUpdate::updateId).containsExactly("10", "11");
    assertThat(stored).extracting(InboxUpdate::lane).containsExactly("300", "301");
    assertThat(stored.get(0).payload()).contains("/today");
    assertThat(offsets()).containsExactly(0, 12);
  }

  @Test
  void aBatchThatCouldNotBeStoredIsAskedForAgain() throws Exception {
    api.answer("getUpdates", 200, BATCH).answer("getUpdates", 200, BATCH);
    storeFails = true;

    runner.pollOnce();
    storeFails = false;
    runner.pollOnce();
    runner.pollOnce();

    assertThat(offsets()).containsExactly(0, 0, 12);
    assertThat(stored).extracting(InboxUpdate::updateId).containsExactly("10", "11");
    assertThat(waits).contains(Duration.ofSeconds(1));
  }

  @Test
  void aFailedPollBacksOffLongerEachTimeUpToFiveSeconds() throws Exception {
    for (int i = 0; i < 7; i++) {
      api.fail("getUpdates", 502, "Bad Gateway");
    }
    for (int i = 0; i < 7; i++) {
      runner.pollOnce();
    }
    runner.pollOnce();

    assertThat(waits)
        .containsSubsequence(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    assertThat(offsets()).containsOnly(0);
  }
}
