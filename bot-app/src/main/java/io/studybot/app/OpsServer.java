package io.studybot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP port, on the JDK's own server: {@code /metrics} in Prometheus text format and
 * {@code /health}, 200 "ok" while everything the bot needs works, else 503 with one line per
 * failing part. Two threads serve, so a slow health check never holds a scrape.
 */
final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  /** Prometheus's text exposition format, the one {@code scrape} writes for this content type. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable PrometheusMeterRegistry registry;

  private OpsServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Listens on {@code port} on every interface (0 picks a free port).
   *
   * @throws StartupFailure naming STUDYBOT_HTTP_PORT when the port is taken
   */
  static OpsServer start(int port, Health health) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (BindException e) {
      throw new StartupFailure(
          StartupFailure.FAILED,
          "STUDYBOT_HTTP_PORT: the port for /metrics and /health (default "
              + AppConfig.DEFAULT_HTTP_PORT
              + ") is in use; set another port, 0 for any free one, or off",
          e);
    } catch (IOException e) {
      throw new StartupFailure(
          StartupFailure.FAILED, "STUDYBOT_HTTP_PORT: cannot serve /metrics and /health", e);
    }
    ExecutorService threads = Executors.newFixedThreadPool(2, daemonThreads());
    server.setExecutor(threads);
    OpsServer ops = new OpsServer(server, threads);
    server.createContext("/", exchange -> ops.answer(exchange, health));
    server.start();
    log.info("Health and metrics served on port {} (/health, /metrics)", ops.port());
    return ops;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Serves {@code registry} at /metrics from now on; until then /metrics says "starting". */
  void serveMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  private void answer(HttpExchange exchange, Health health) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, PLAIN_TEXT, "method not allowed\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/metrics" -> metrics(exchange);
        case "/health" -> health(exchange, health);
        default -> send(exchange, 404, PLAIN_TEXT, "not found; try /health or /metrics\n");
      }
    } catch (RuntimeException e) {
      log.warn("Answering {} failed", exchange.getRequestURI().getPath(), e);
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    PrometheusMeterRegistry registry = this.registry;
    if (registry == null) {
      send(exchange, 503, PLAIN_TEXT, "starting\n");
      return;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    registry.scrape(body, PROMETHEUS_TEXT);
    send(exchange, 200, PROMETHEUS_TEXT, body.toByteArray());
  }

  private static void health(HttpExchange exchange, Health health) throws IOException {
    List<String> problems = health.problems();
    if (problems.isEmpty()) {
      send(exchange, 200, PLAIN_TEXT, "ok\n");
    } else {
      send(exchange, 503, PLAIN_TEXT, String.join("\n", problems) + "\n");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops at once: whoever still scrapes or checks finds the port closed. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ops-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
