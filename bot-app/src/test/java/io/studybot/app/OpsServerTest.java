package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseProbe;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics and /health over HTTP, on a bot with a real database. */
class OpsServerTest {
  private final AppMetrics metrics = AppMetrics.create();
  private final Health health = new Health();
  private final Database database = Database.open(TestDatabases.h2());
  private final DatabaseProbe probe = new DatabaseProbe(database, Duration.ofSeconds(2));
  private final OpsServer server = OpsServer.start(0, health);
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void serveMetrics() {
    database.bindMetrics(metrics.registry());
    server.serveMetrics(metrics.served().orElseThrow());
  }

  @AfterEach
  void close() {
    server.close();
    probe.close();
    database.close();
    metrics.close();
  }

  @Test
  void metricsAreInPrometheusTextFormatAndCountWhatTheBotHandles() throws Exception {
    StudyBot bot =
        new StudyBot(
            new HibernateStudyStore(database),
            TestCurriculum.create(),
            StudyRules.DEFAULT,
            Clock.systemUTC(),
            metrics.registry());
    PlatformUser ada = BotHarness.user("1", "Ada", "en");
    bot.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/help"));
    metrics.inboxDepth(() -> 3, Clock.systemUTC());

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains(
            "studybot_updates_handled_total{kind=\"command\",platform=\"telegram\"} 1.0",
            "studybot_handler_seconds_count{kind=\"command\",platform=\"telegram\"} 1",
            "studybot_inbox_pending 3.0",
            "cache_gets_total{cache=\"link_wrong_codes\"",
            "hikaricp_connections{pool=\"studybot\"}",
            "jvm_memory_used_bytes",
            "jvm_gc_",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_uptime_seconds",
            "process_cpu_usage");
  }

  @Test
  void healthIsOkWhileEveryPartWorksAndNamesEachFailingPartOtherwise() throws Exception {
    health.check("database", probe::problem);
    AtomicReference<Optional<String>> telegram = new AtomicReference<>(Optional.empty());
    health.check("telegram", telegram::get);

    HttpResponse<String> ok = get("/health");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ok\n");
    assertThat(ok.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");

    telegram.set(Optional.of("no successful getUpdates for 95 s"));
    database.close(); // the pool is gone

    HttpResponse<String> down = get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            line -> assertThat(line).startsWith("database: "),
            line -> assertThat(line).isEqualTo("telegram: no successful getUpdates for 95 s"));
  }

  @Test
  void aPartNotStartedYetIsReportedAsStarting() throws Exception {
    health.starting("discord");

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("discord: starting\n");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aTakenPortStopsStartUpWithOneLineNamingTheVariable() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> OpsServer.start(taken.getLocalPort(), health))
          .isInstanceOf(StartupFailure.class)
          .hasMessageStartingWith("STUDYBOT_HTTP_PORT: ")
          .hasMessageContaining("in use")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
