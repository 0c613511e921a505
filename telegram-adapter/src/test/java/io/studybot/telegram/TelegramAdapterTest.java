package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.ChatHandler;
import io.studybot.core.inbox.InboxLoop;
import io.studybot.core.testing.MemoryInboxStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramAdapterTest {
  private FakeBotApi api;
  private final ChatHandler bot = event -> List.of();
  private final RecordingLifecycle lifecycle = new RecordingLifecycle();

  private InboxLoop inbox;

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    inbox = InboxLoop.start(new MemoryInboxStore(), Clock.systemUTC(), 2);
  }

  @AfterEach
  void stop() {
    inbox.close();
    api.close();
  }

  @Test
  void longPollingStartsWithTheMenuAndPollsUntilClosed() throws Exception {
    try (TelegramAdapter adapter =
        TelegramAdapter.start(
            TelegramSettings.longPolling(FakeBotApi.TOKEN, api.url()), bot, lifecycle, inbox)) {
      assertThat(adapter.webhookPort()).isEmpty();
      FakeBotApi.Call poll = api.awaitCall("getUpdates", Duration.ofSeconds(10));
      assertThat(poll.body().path("timeout").asInt())
          .isEqualTo(TelegramLongPollingRunner.POLL_TIMEOUT_SECONDS);
      assertThat(adapter.connectionProblem()).as("just started: connected").isEmpty();
    }
    assertThat(api.calls("getMe")).hasSize(1);
    assertThat(api.calls("setMyCommands")).hasSize(6);
    assertThat(api.calls("deleteWebhook")).hasSize(1);
    assertThat(api.calls("setWebhook")).isEmpty();
  }

  @Test
  void webhookModeRegistersTheWebhookInsteadOfPolling() {
    TelegramSettings settings =
        new TelegramSettings(
            FakeBotApi.TOKEN,
            api.url(),
            Optional.of(URI.create("https://bot.example.org/tg")),
            Optional.empty(),
            0,
            TelegramSettings.DEFAULT_RATE_LIMITS);

    try (TelegramAdapter adapter = TelegramAdapter.start(settings, bot, lifecycle, inbox)) {
      assertThat(adapter.webhookPort()).hasValueSatisfying(port -> assertThat(port).isPositive());
      assertThat(adapter.connectionProblem()).isEmpty();
      adapter.close();
      assertThat(adapter.connectionProblem()).contains("the webhook server is not listening");
    }
    assertThat(api.calls("setWebhook").get(0).body().path("secret_token").asText())
        .isEqualTo(settings.effectiveWebhookSecret());
    assertThat(api.calls("getUpdates")).isEmpty();
    assertThat(api.calls("deleteWebhook")).isEmpty();
  }

  @Test
  void aTokenTelegramRejectsStopsStartUp() {
    api.fail("getMe", 401, "Unauthorized");

    assertThatThrownBy(
            () ->
                TelegramAdapter.start(
                    TelegramSettings.longPolling(FakeBotApi.TOKEN, api.url()),
                    bot,
                    lifecycle,
                    inbox))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(FakeBotApi.TOKEN)
        .cause()
        .isInstanceOfSatisfying(
            TelegramCalls.Refused.class, refused -> assertThat(refused.errorCode()).isEqualTo(401));
    // Nothing after getMe: no menu, no polling.
    assertThat(api.calls()).extracting(FakeBotApi.Call::method).containsExactly("getme");
  }

  @Test
  void aFailedMenuRegistrationDoesNotStopStartUp() throws Exception {
    api.answer("setMyCommands", 500, "{\"message\":\"not supported\"}");

    try (TelegramAdapter adapter =
        TelegramAdapter.start(
            TelegramSettings.longPolling(FakeBotApi.TOKEN, api.url()), bot, lifecycle, inbox)) {
      api.awaitCall("getUpdates", Duration.ofSeconds(10));
    }
    // The refused menu is not retried, and start-up went on to polling.
    assertThat(api.calls("setMyCommands")).hasSize(1);
    assertThat(api.calls("deleteWebhook")).hasSize(1);
  }
}
