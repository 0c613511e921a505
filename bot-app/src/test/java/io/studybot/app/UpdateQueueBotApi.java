package io.studybot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Bot API that holds a queue of updates the way Telegram does: {@code getUpdates} returns those
 * at or past the offset, and an update counts as confirmed only once a poll asks past it. Replies
 * are recorded per chat.
 */
final class UpdateQueueBotApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<String> updates = new ArrayList<>();
  private final Map<String, List<String>> replies = new HashMap<>();
  private int messageIds;

  UpdateQueueBotApi() throws IOException {
    // Answers at once (no Nagle delay) and takes the sender's many connections without refusing
    // any: a refused or reset connection makes the client send again, a duplicate of the harness.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32));
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues a private message from user {@code chat}; update ids are 1, 2, 3... */
  synchronized void queueMessage(long chat, String text) {
    int id = updates.size() + 1;
    updates.add(
        "{\"update_id\":"
            + id
            + ",\"message\":{\"message_id\":"
            + id
            + ",\"date\":1700000000,\"from\":{\"id\":"
            + chat
            + ",\"is_bot\":false,\"first_name\":\"U"
            + chat
            + "\",\"language_code\":\"en\"},\"chat\":{\"id\":"
            + chat
            + ",\"type\":\"private\"},\"text\":\""
            + text
            + "\"}}");
  }

  synchronized Map<String, List<String>> replies() {
    Map<String, List<String>> copy = new HashMap<>();
    replies.forEach((chat, texts) -> copy.put(chat, List.copyOf(texts)));
    return copy;
  }

  synchronized int repliesSent() {
    return replies.values().stream().mapToInt(List::size).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      String answer =
          switch (method) {
            case "getme" ->
                "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"first_name\":\"S\",\"username\":\"StudyTestBot\"}}";
            case "getupdates" -> poll(body);
            case "sendmessage" -> sent(body);
            default -> "{\"ok\":true,\"result\":true}";
          };
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String poll(JsonNode body) {
    int offset = body == null ? 0 : body.path("offset").asInt(0);
    List<String> due;
    synchronized (this) {
      int from = Math.max(0, offset - 1);
      due = List.copyOf(updates.subList(Math.min(from, updates.size()), updates.size()));
    }
    if (due.isEmpty()) {
      // An idle poll is held a little, as Telegram holds it, so the poller does not spin.
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return "{\"ok\":true,\"result\":[" + String.join(",", due) + "]}";
  }

  private synchronized String sent(JsonNode body) {
    String chat = body.path("chat_id").asText();
    replies.computeIfAbsent(chat, c -> new ArrayList<>()).add(body.path("text").asText());
    // The chat id as it came: seeded chats need not be numbers.
    var answer = JSON.createObjectNode().put("ok", true);
    var result = answer.putObject("result").put("message_id", ++messageIds).put("date", 1700000000);
    var chatNode = result.putObject("chat");
    chatNode.set("id", body.path("chat_id"));
    chatNode.put("type", "private");
    return answer.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
