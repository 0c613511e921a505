package io.studybot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot API stand-in for {@code bench send}, in this process: it accepts messages within Telegram's
 * limits (an overall rate, one a second per private chat, twenty a minute per group) and answers
 * anything beyond them with 429 and a {@code retry_after}, as Telegram does. It keeps every
 * accepted message's body, per chat, in arrival order.
 */
final class FakeBotApi implements AutoCloseable {
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final int GROUP_PER_MINUTE = 20;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(32);
  private final ObjectMapper json = new ObjectMapper();
  private final int perSecond;
  private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
  private final Map<String, ArrayDeque<Long>> byChat = new HashMap<>();
  private final Map<String, List<JsonNode>> accepted = new HashMap<>();
  private final AtomicInteger tooMany = new AtomicInteger();
  private int overallRefusals;
  private final AtomicInteger messageIds = new AtomicInteger();
  private volatile long firstAcceptedAt;
  private volatile long lastAcceptedAt;

  private FakeBotApi(int perSecond) throws IOException {
    this.perSecond = perSecond;
    // Without it, small answers wait ~40 ms for Nagle's algorithm and every call looks slow.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static FakeBotApi start(int perSecond) throws IOException {
    return new FakeBotApi(perSecond);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      byte[] body = read(exchange.getRequestBody());
      String answer =
          switch (method) {
            case "getme" ->
                "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\","
                    + "\"username\":\"bench_bot\"}}";
            case "getupdates" -> idlePoll();
            case "sendmessage", "sendphoto" -> send(body);
            default -> "{\"ok\":true,\"result\":true}";
          };
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.contains("\"error_code\":429") ? 429 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String idlePoll() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "{\"ok\":true,\"result\":[]}";
  }

  private String send(byte[] body) throws IOException {
    JsonNode message = json.readTree(body);
    String chat = message.path("chat_id").asText();
    long waitNanos = admit(chat, System.nanoTime(), message);
    if (waitNanos > 0) {
      tooMany.incrementAndGet();
      long seconds = Math.max(1, (waitNanos + SECOND - 1) / SECOND);
      return "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
          + seconds
          + "\",\"parameters\":{\"retry_after\":"
          + seconds
          + "}}";
    }
    return "{\"ok\":true,\"result\":{\"message_id\":"
        + messageIds.incrementAndGet()
        + ",\"date\":0,\"chat\":{\"id\":1,\"type\":\"private\"}}}";
  }

  /** Zero when the message is accepted (and kept), else how long the sender should have waited. */
  private synchronized long admit(String chat, long now, JsonNode message) {
    while (!lastSecond.isEmpty() && lastSecond.peekFirst() + SECOND <= now) {
      lastSecond.pollFirst();
    }
    if (lastSecond.size() >= perSecond) {
      overallRefusals++;
      return lastSecond.peekFirst() + SECOND - now;
    }
    boolean group = chat.startsWith("-");
    ArrayDeque<Long> chatTimes = byChat.computeIfAbsent(chat, c -> new ArrayDeque<>());
    long window = group ? MINUTE : SECOND;
    int allowed = group ? GROUP_PER_MINUTE : 1;
    while (!chatTimes.isEmpty() && chatTimes.peekFirst() + window <= now) {
      chatTimes.pollFirst();
    }
    if (chatTimes.size() >= allowed) {
      return chatTimes.peekFirst() + window - now;
    }
    lastSecond.addLast(now);
    chatTimes.addLast(now);
    accepted.computeIfAbsent(chat, c -> new ArrayList<>()).add(message);
    if (firstAcceptedAt == 0) {
      firstAcceptedAt = now;
    }
    lastAcceptedAt = now;
    return 0;
  }

  synchronized Map<String, List<JsonNode>> accepted() {
    Map<String, List<JsonNode>> copy = new HashMap<>();
    accepted.forEach((chat, messages) -> copy.put(chat, List.copyOf(messages)));
    return copy;
  }

  /** The 429s for the overall rate; the rest were for a chat's own limit. */
  synchronized int overallRefusals() {
    return overallRefusals;
  }

  int tooManyRequests() {
    return tooMany.get();
  }

  /** {@link System#nanoTime()} of the first accepted message. */
  long firstAcceptedAt() {
    return firstAcceptedAt;
  }

  /** {@link System#nanoTime()} of the last accepted message. */
  long lastAcceptedAt() {
    return lastAcceptedAt;
  }

  private static byte[] read(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
