package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.DeliveryException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

class TelegramCallsTest {
  private FakeBotApi api;
  private final List<Duration> waits = new ArrayList<>();
  private TelegramCalls calls;

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    calls = api.calls(waits);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static SendMessage hello() {
    return SendMessage.builder().chatId("7").text("hello").build();
  }

  @Test
  void aTooManyRequestsAnswerWaitsForRetryAfterThenSends() {
    api.answer(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
            + "\"parameters\":{\"retry_after\":3}}");

    BotApiAnswer answer = calls.execute(hello());

    assertThat(answer.delivered()).isTrue();
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
    assertThat(api.calls("sendMessage")).hasSize(2);
  }

  @Test
  void serverErrorsAreRetriedWithGrowingBackoff() {
    api.fail("sendMessage", 502, "Bad Gateway").fail("sendMessage", 500, "Internal");

    calls.execute(hello());

    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(api.calls("sendMessage")).hasSize(3);
  }

  @Test
  void serverErrorsGiveUpAfterTheLastAttemptAsATransientFailure() {
    for (int i = 0; i < 4; i++) {
      api.fail("sendMessage", 500, "Internal");
    }

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
    assertThat(api.calls("sendMessage")).hasSize(4);
  }

  @Test
  void aBlockedBotIsAPermanentFailureAndNotRetried() {
    api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user");

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(
            TelegramCalls.Refused.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.errorCode()).isEqualTo(403);
            });
    assertThat(api.calls("sendMessage")).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aBadRequestFailsAtOnceWithoutBeingPermanent() {
    api.fail("sendMessage", 400, "Bad Request: can't parse entities");

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "Bad Request: chat not found",
        "Bad Request: not enough rights to send text messages to the chat",
        "Bad Request: CHAT_WRITE_FORBIDDEN",
        "Bad Request: TOPIC_CLOSED",
        "Bad Request: message thread not found"
      })
  void aBadRequestSayingTheChatIsOutOfReachIsPermanent(String description) {
    api.fail("sendMessage", 400, description);

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void anAcceptedSendWhoseResultDoesNotParseIsDeliveredOnce() {
    // telegram-test-api answers with a date in milliseconds, beyond telegrambots' Integer.
    api.answer(
        "sendMessage",
        200,
        "{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764288000123,"
            + "\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"hello\"}}");

    BotApiAnswer answer = calls.execute(hello());

    assertThat(answer.delivered()).isTrue();
    assertThat(answer.messageId()).contains("77");
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void anUnparseableErrorPageCountsByItsStatus() {
    api.answer("sendMessage", 502, "<html>bad gateway</html>");

    calls.execute(hello());

    assertThat(waits).hasSize(1);
    assertThat(api.calls("sendMessage")).hasSize(2);
  }

  @Test
  void networkErrorsAreRetriedThenReportedAsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TelegramBotApi unreachable =
        new TelegramBotApi(
            new OkHttpClient(),
            new com.fasterxml.jackson.databind.ObjectMapper(),
            "42:fake",
            TelegramBotApi.telegramUrl(URI.create("http://127.0.0.1:" + closedPort)));
    TelegramCalls retrying =
        new TelegramCalls(unreachable, TelegramCalls.RetryPolicy.DEFAULT, waits::add);

    assertThatThrownBy(() -> retrying.execute(hello()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
    assertThat(waits).hasSize(3);
  }

  @Test
  void theTokenIsInThePathAndTheBodyIsJson() {
    calls.execute(hello());

    FakeBotApi.Call call = api.calls().get(0);
    assertThat(call.method()).isEqualToIgnoringCase("sendMessage");
    assertThat(call.body().path("chat_id").asText()).isEqualTo("7");
    assertThat(call.body().path("text").asText()).isEqualTo("hello");
  }

  @Test
  void aGroupUpgradedToASupergroupFailsAtOnceNamingItsNewId() {
    api.answer(
        "sendMessage",
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was"
            + " upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234}}");

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.movedTo()).contains("-1001234");
              assertThat(e.permanent()).isFalse();
            });
    assertThat(api.calls("sendMessage")).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void withoutFloodWaitsA429FailsAtOnceWithItsRetryAfter() {
    api.answer(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
            + "\"parameters\":{\"retry_after\":7}}");

    assertThatThrownBy(() -> calls.withoutFloodWaits().execute(hello()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.permanent()).isFalse();
            });
    assertThat(api.calls("sendMessage")).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aWaitLongerThanThePolicyTakesIsAFloodWaitForTheCaller() {
    api.answer(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
            + "\"parameters\":{\"retry_after\":600}}");

    assertThatThrownBy(() -> calls.execute(hello()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(600)));
    assertThat(waits).isEmpty();
  }
}
