package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.studybot.core.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long polling is healthy while polls are answered; stale or refused polls say why. */
class PollWatchTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T18:00:00Z"));
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer telegram;

  @BeforeEach
  void start() throws IOException {
    telegram = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    telegram.createContext(
        "/",
        exchange -> {
          int code = status.get();
          byte[] body =
              (code == 200 ? "{\"ok\":true,\"result\":[]}" : "{\"ok\":false}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(code, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    telegram.start();
  }

  @AfterEach
  void stop() {
    telegram.stop(0);
  }

  @Test
  void startUpCountsAsAnAnswerUntilNoPollIsAnsweredForTheWholeStalePeriod() throws IOException {
    PollWatch watch = new PollWatch(clock, Duration.ofSeconds(90));
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(watch).build();
    assertThat(watch.problem()).isEmpty();

    clock.advance(Duration.ofSeconds(89));
    assertThat(watch.problem()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(watch.problem()).contains("no successful getUpdates for 90 s");

    call(http, "getUpdates");
    assertThat(watch.problem()).isEmpty();

    status.set(502);
    call(http, "getUpdates");
    call(http, "sendMessage"); // not a poll: says nothing about polling
    clock.advance(Duration.ofSeconds(100));
    assertThat(watch.problem())
        .contains("no successful getUpdates for 100 s (last answer: HTTP 502)");
  }

  @Test
  void aConflictBehindTheGuardIsSeenAndNamed() throws IOException {
    PollWatch watch = new PollWatch(clock, Duration.ofSeconds(90));
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(new PollConflictGuard(Duration.ZERO))
            .addNetworkInterceptor(watch)
            .build();
    status.set(409);

    call(http, "getUpdates"); // the guard turns it into an empty batch; the watch sees the 409
    clock.advance(Duration.ofSeconds(90));

    assertThat(watch.problem()).hasValueSatisfying(p -> assertThat(p).contains("409 Conflict"));
  }

  private void call(OkHttpClient http, String method) throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + telegram.getAddress().getPort() + "/bot1:x/" + method)
            .build();
    try (Response response = http.newCall(request).execute()) {
      response.body().string();
    }
  }
}
