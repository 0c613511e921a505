package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Another poller on the same token: said once, polls come back empty, recovery said once. */
class PollConflictGuardTest {
  private final AtomicInteger conflictsLeft = new AtomicInteger(3);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private HttpServer telegram;

  @BeforeEach
  void start() throws IOException {
    telegram = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    telegram.createContext(
        "/",
        exchange -> {
          boolean conflict = conflictsLeft.getAndDecrement() > 0;
          byte[] body =
              (conflict
                      ? "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by"
                          + " other getUpdates request\"}"
                      : "{\"ok\":true,\"result\":[{\"update_id\":7}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(conflict ? 409 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    telegram.start();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(PollConflictGuard.class);
    logger.setLevel(Level.INFO);
    logger.addAppender(logged);
  }

  @AfterEach
  void stop() {
    Logger logger = (Logger) LoggerFactory.getLogger(PollConflictGuard.class);
    logger.detachAppender(logged);
    logger.setLevel(null);
    telegram.stop(0);
  }

  @Test
  void conflictsAreSaidOnceAndAnsweredAsEmptyBatchesUntilPollingWorksAgain() throws IOException {
    PollConflictGuard guard = new PollConflictGuard(Duration.ZERO);
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(guard).build();

    for (int i = 0; i < 3; i++) {
      assertThat(poll(http)).isEqualTo("200 {\"ok\":true,\"result\":[]}");
    }
    assertThat(guard.inConflict()).isTrue();
    assertThat(poll(http)).isEqualTo("200 {\"ok\":true,\"result\":[{\"update_id\":7}]}");

    assertThat(guard.inConflict()).isFalse();
    assertThat(logged.list).hasSize(2);
    assertThat(logged.list.get(0).getFormattedMessage())
        .contains("409 Conflict", "another instance polls", "TELEGRAM_WEBHOOK_URL");
    assertThat(logged.list.get(1).getFormattedMessage()).contains("works again");
  }

  private String poll(OkHttpClient http) throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + telegram.getAddress().getPort() + "/bot1:x/getupdates")
            .build();
    try (Response response = http.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }
}
