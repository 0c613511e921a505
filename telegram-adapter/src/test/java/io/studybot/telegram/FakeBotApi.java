package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * A scripted Bot API on a loopback port: it records every call and answers with the responses
 * queued for the method, or with a plain success (a message for send methods, {@code true} for the
 * rest).
 */
final class FakeBotApi implements AutoCloseable {
  static final String TOKEN = "42:fake";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded call: the method's name and its JSON body. */
  record Call(String method, JsonNode body) {}

  private record Response(int status, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Response>> scripted = new HashMap<>();
  private final AtomicInteger messageIds = new AtomicInteger(100);

  FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    // telegrambots writes method names in lower case; Telegram ignores case in them.
    String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    JsonNode parsed =
        contentType.startsWith("multipart/form-data")
            ? form(raw, contentType)
            : raw.length == 0
                ? JSON.createObjectNode()
                : JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    Response response;
    synchronized (this) {
      calls.add(new Call(method, parsed));
      notifyAll();
      Deque<Response> queue = scripted.get(method);
      response = queue == null || queue.isEmpty() ? success(method) : queue.poll();
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /**
   * A multipart form as JSON: each text field by its name; a file field as its file name, with
   * {@code <name>_size} and {@code <name>_png} (whether the bytes are a PNG).
   */
  private static JsonNode form(byte[] raw, String contentType) {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
    String body = new String(raw, StandardCharsets.ISO_8859_1);
    var fields = JSON.createObjectNode();
    for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      String content = part.substring(split + 4, Math.max(split + 4, part.length() - 2));
      var name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
      var file = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (!name.find()) {
        continue;
      }
      if (file.find()) {
        fields.put(name.group(1), file.group(1));
        fields.put(name.group(1) + "_size", content.length());
        fields.put(name.group(1) + "_png", content.startsWith("\u0089PNG"));
      } else {
        fields.put(
            name.group(1),
            new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private Response success(String method) {
    if (method.startsWith("send") || method.equals("editmessagetext")) {
      return new Response(
          200,
          "{\"ok\":true,\"result\":{\"message_id\":"
              + messageIds.incrementAndGet()
              + ",\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}");
    }
    if (method.equals("getme")) {
      return new Response(
          200,
          "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"first_name\":\"Study\",\"username\":\"StudyTestBot\"}}");
    }
    if (method.equals("getupdates")) {
      return new Response(200, "{\"ok\":true,\"result\":[]}");
    }
    return new Response(200, "{\"ok\":true,\"result\":true}");
  }

  /** Queues the next answer to {@code method}. */
  synchronized FakeBotApi answer(String method, int status, String body) {
    scripted
        .computeIfAbsent(method.toLowerCase(Locale.ROOT), name -> new ArrayDeque<>())
        .add(new Response(status, body));
    return this;
  }

  synchronized FakeBotApi fail(String method, int code, String description) {
    return answer(
        method,
        code,
        "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> calls(String method) {
    return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
  }

  /**
   * Waits until {@code method} has been called at least once and returns its first call.
   *
   * @throws AssertionError when it was not called within {@code timeout}
   */
  synchronized Call awaitCall(String method, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> matching = calls(method);
      if (!matching.isEmpty()) {
        return matching.get(0);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no "
                + method
                + " call within "
                + timeout.toMillis()
                + " ms; calls so far: "
                + calls.stream().map(Call::method).toList());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  TelegramBotApi botApi() {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    return new TelegramBotApi(http, JSON, TOKEN, TelegramBotApi.telegramUrl(url()));
  }

  /** Calls that record their waits instead of sleeping. */
  TelegramCalls calls(List<Duration> waits) {
    return new TelegramCalls(
        botApi(),
        TelegramCalls.RetryPolicy.DEFAULT,
        duration -> {
          synchronized (waits) {
            waits.add(duration);
          }
        });
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
