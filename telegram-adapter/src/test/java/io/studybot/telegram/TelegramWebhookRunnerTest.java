package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.Inbox;
import io.studybot.core.inbox.InboxHandler;
import io.studybot.core.inbox.InboxUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramWebhookRunnerTest {
  private static final String SECRET = "s3cret-token_1";
  private static final String UPDATE =
      "{\"update_id\": 900, \"message\": {\"message_id\": 5, \"date\": 1700000000,"
          + " \"from\": {\"id\": 300, \"is_bot\": false, \"first_name\": \"Ada\"},"
          + " \"chat\": {\"id\": 300, \"type\": \"private\"}, \"text\": \"/today\"}}";

  private FakeBotApi api;
  private final BlockingQueue<Update> received = new LinkedBlockingQueue<>();
  private volatile boolean storeFails;
  private final Inbox lanes =
      new Inbox() {
        @Override
        public void accept(List<InboxUpdate> updates) {
          if (storeFails) {
            throw new IllegalStateException("the database is down");
          }
          for (InboxUpdate update : updates) {
            try {
              received.add(new ObjectMapper().readValue(update.payload(), Update.class));
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }
        }

        @Override
        public void serve(Platform platform, InboxHandler handler) {}
      };
  private TelegramWebhookRunner runner;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    runner =
        TelegramWebhookRunner.start(
            URI.create("https://bot.example.org/telegram/hook"),
            SECRET,
            0,
            api.calls(new ArrayList<>()),
            new ObjectMapper(),
            lanes);
  }

  @AfterEach
  void stop() {
    runner.close();
    api.close();
  }

  private HttpResponse<String> post(String path, String secret, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(TelegramWebhookRunner.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The next update the lanes handed on; fails the test when none comes within 10 s. */
  private Update nextUpdate() throws InterruptedException {
    Update update = received.poll(10, TimeUnit.SECONDS);
    if (update == null) {
      throw new AssertionError("no update reached the lanes within 10 s");
    }
    return update;
  }

  @Test
  void theWebhookIsRegisteredWithItsSecretToken() {
    FakeBotApi.Call call = api.calls("setWebhook").get(0);

    assertThat(call.body().path("url").asText()).isEqualTo("https://bot.example.org/telegram/hook");
    assertThat(call.body().path("secret_token").asText()).isEqualTo(SECRET);
    assertThat(call.body().path("allowed_updates").toString())
        .isEqualTo("[\"message\",\"callback_query\",\"my_chat_member\"]");
  }

  @Test
  void anUpdateWithTheSecretIsTaken() throws Exception {
    HttpResponse<String> response = post("/telegram/hook", SECRET, UPDATE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(nextUpdate().getUpdateId()).isEqualTo(900);
  }

  @Test
  void requestsWithoutTheSecretOrWithAWrongOneAreRefused() throws Exception {
    assertThat(post("/telegram/hook", null, UPDATE).statusCode()).isEqualTo(401);
    assertThat(post("/telegram/hook", "guess", UPDATE).statusCode()).isEqualTo(401);
    assertThat(post("/telegram/hook", SECRET + "x", UPDATE).statusCode()).isEqualTo(401);

    // Nothing was queued: an accepted update sent afterwards is the first to arrive.
    post("/telegram/hook", SECRET, UPDATE.replace("900", "901"));
    assertThat(nextUpdate().getUpdateId()).isEqualTo(901);
    assertThat(received).isEmpty();
  }

  /** Telegram posts it again later: an update is never answered 200 before it is stored. */
  @Test
  void anUpdateThatCannotBeStoredIsAnswered503() throws Exception {
    storeFails = true;
    assertThat(post("/telegram/hook", SECRET, UPDATE).statusCode()).isEqualTo(503);
    assertThat(received).isEmpty();

    storeFails = false;
    assertThat(post("/telegram/hook", SECRET, UPDATE).statusCode()).isEqualTo(200);
    assertThat(nextUpdate().getUpdateId()).isEqualTo(900);
  }

  /** Telegram would retry anything but a 2xx for ever; a body that is no update is dropped. */
  @Test
  void aBodyThatIsNotAnUpdateIsAnsweredAndDropped() throws Exception {
    assertThat(post("/telegram/hook", SECRET, "not json").statusCode()).isEqualTo(200);
    post("/telegram/hook", SECRET, UPDATE.replace("900", "902"));
    assertThat(nextUpdate().getUpdateId()).isEqualTo(902);
    assertThat(received).isEmpty();
  }

  @Test
  void otherPathsAreNotServed() throws Exception {
    assertThat(post("/elsewhere", SECRET, UPDATE).statusCode()).isEqualTo(404);
  }
}
