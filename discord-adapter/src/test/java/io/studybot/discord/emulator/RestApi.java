package io.studybot.discord.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/** The fake's REST API, Discord's routes under {@code /api/v10/}, on the JDK's HTTP server. */
final class RestApi {
  private static final String BASE = "/api/v10/";
  private static final Pattern COMMANDS =
      Pattern.compile("applications/(\\d+)(/guilds/(\\d+))?/commands");
  private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern WEBHOOK =
      Pattern.compile("webhooks/(\\d+)/([^/]+)(/messages/(@original|\\d+))?");
  private static final Pattern CHANNEL_MESSAGES =
      Pattern.compile("channels/(\\d+)/messages(/(\\d+))?");

  private final DiscordEmulator discord;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  RestApi(DiscordEmulator discord) throws IOException {
    this.discord = discord;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** One answer: an HTTP status and a JSON body (null for 204). */
  private record Answer(int status, DataObject body, boolean onDemand) {
    static Answer ok(DataObject body) {
      return new Answer(200, body, false);
    }

    static Answer error(int status, int code, String message) {
      return new Answer(
          status, DataObject.empty().put("code", code).put("message", message), false);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Answer answer;
      if (!path.startsWith(BASE)) {
        answer = Answer.error(404, 0, "404: Not Found");
      } else {
        String route = path.substring(BASE.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        answer = answer(exchange, method, route, body);
      }
      if (answer.status() >= 400 && !answer.onDemand()) {
        discord.refused(method + " " + path + " -> " + answer.status() + " " + answer.body());
      }
      send(exchange, answer);
    }
  }

  private Answer answer(HttpExchange exchange, String method, String route, byte[] body) {
    boolean needsToken = !route.startsWith("interactions/") && !route.startsWith("webhooks/");
    String auth =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
    if (needsToken && !auth.equals("Bot " + DiscordEmulator.TOKEN)) {
      return Answer.error(401, 0, "401: Unauthorized");
    }
    if (discord.takeRateLimit(route)) {
      exchange.getResponseHeaders().add("Retry-After", "1");
      exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
      exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
      exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "0.300");
      exchange
          .getResponseHeaders()
          .add(
              "X-RateLimit-Reset",
              String.format("%.3f", (System.currentTimeMillis() + 300) / 1000.0));
      exchange.getResponseHeaders().add("X-RateLimit-Bucket", "fake-" + Math.abs(route.hashCode()));
      exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
      return new Answer(
          429,
          DataObject.empty()
              .put("message", "You are being rate limited.")
              .put("retry_after", 0.3)
              .put("global", false),
          true);
    }
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    return route(method, route, exchange.getRequestURI().getQuery(), json(contentType, body));
  }

  private Answer route(String method, String route, String query, DataObject json) {
    String call = method + " " + route;
    Matcher m;
    if (call.equals("GET gateway/bot")) {
      return Answer.ok(
          DataObject.empty()
              .put("url", discord.gatewayUrl())
              .put("shards", 1)
              .put(
                  "session_start_limit",
                  DataObject.empty()
                      .put("total", 1000)
                      .put("remaining", 999)
                      .put("reset_after", 14_400_000)
                      .put("max_concurrency", 1)));
    }
    if (call.equals("GET gateway")) {
      return Answer.ok(DataObject.empty().put("url", discord.gatewayUrl()));
    }
    if (call.equals("GET users/@me")) {
      return Answer.ok(discord.botUser().put("verified", true).put("mfa_enabled", false));
    }
    if (call.equals("GET oauth2/applications/@me")) {
      return Answer.ok(application());
    }
    if (call.equals("POST users/@me/channels")) {
      return discord
          .dmChannelFor(json.getString("recipient_id", ""))
          .map(Answer::ok)
          .orElseGet(() -> Answer.error(400, 50007, "Cannot send messages to this user"));
    }
    if (method.equals("PUT") && (m = COMMANDS.matcher(route)).matches()) {
      return commands(m.group(1), json);
    }
    if (method.equals("POST") && (m = CALLBACK.matcher(route)).matches()) {
      return callback(m.group(2), json, query);
    }
    if ((m = WEBHOOK.matcher(route)).matches()) {
      return webhook(method, m.group(1), m.group(2), Optional.ofNullable(m.group(4)), json);
    }
    if ((m = CHANNEL_MESSAGES.matcher(route)).matches()) {
      return channelMessage(method, m.group(1), Optional.ofNullable(m.group(3)), json);
    }
    return Answer.error(404, 0, "404: Not Found");
  }

  private DataObject application() {
    return DataObject.empty()
        .put("id", DiscordEmulator.BOT_ID)
        .put("name", "StudyBot")
        .putNull("icon")
        .put("description", "")
        .put("bot_public", true)
        .put("bot_require_code_grant", false)
        .put("flags", 0)
        .put("owner", Payloads.user("1100000000000000999", "Owner", false))
        .put("bot", discord.botUser());
  }

  private Answer commands(String app, DataObject json) {
    if (!DiscordEmulator.BOT_ID.equals(app)) {
      return Answer.error(403, 50001, "Missing Access");
    }
    DataArray commands = json.getArray("commands");
    DataArray created = DataArray.empty();
    for (int i = 0; i < commands.length(); i++) {
      DataObject command = commands.getObject(i);
      String name = command.getString("name", "");
      if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || !name.equals(name.toLowerCase())) {
        return Answer.error(400, 50035, "Invalid Form Body: " + i + ".name");
      }
      if (command.getString("description", "").length() > 100) {
        return Answer.error(400, 50035, "Invalid Form Body: " + i + ".description");
      }
      String id = discord.nextId();
      command.put("id", id).put("application_id", app).put("version", id);
      if (!command.hasKey("type")) {
        command.put("type", 1);
      }
      created.add(command);
    }
    discord.registered(created);
    return new Answer(200, DataObject.empty().put("array", created), false);
  }

  private Answer callback(String token, DataObject json, String query) {
    Optional<DiscordEmulator.Interaction> found = discord.interaction(token);
    if (found.isEmpty()) {
      return Answer.error(404, 10062, "Unknown interaction");
    }
    DiscordEmulator.Interaction interaction = found.get();
    Instant now = discord.clock.instant();
    int type = json.getInt("type", 0);
    DataObject data = json.optObject("data").orElseGet(DataObject::empty);
    synchronized (interaction) {
      if (interaction.answeredAfter.isPresent()) {
        return Answer.error(400, 40060, "Interaction has already been acknowledged.");
      }
      Duration after = Duration.between(interaction.created, now);
      if (after.compareTo(DiscordEmulator.ANSWER_WITHIN) > 0) {
        return Answer.error(404, 10062, "Unknown interaction");
      }
      if (type == 4 || type == 7) {
        List<String> problems = MessageLimits.check(data, type == 4);
        if (!problems.isEmpty()) {
          return Answer.error(400, 50035, "Invalid Form Body: " + problems);
        }
      }
      if ((type == 6 || type == 7) && interaction.pressedMessage.isEmpty()) {
        return Answer.error(400, 50035, "Invalid Form Body: type: only for components");
      }
      interaction.answeredAfter = Optional.of(after);
    }
    DataObject resource = DataObject.empty().put("type", type);
    switch (type) {
      case 4, 5 -> {
        String id = discord.nextId();
        DataObject message =
            newMessage(id, interaction.channelId, type == 4 ? data : thinking(data));
        synchronized (interaction) {
          interaction.originalMessage = Optional.of(id);
        }
        discord.show(
            interaction.channelId,
            type == 4 ? "reply" : "defer",
            Optional.of(interaction.id),
            id,
            message);
        resource.put("message", message);
      }
      case 7 -> {
        String id = interaction.pressedMessage.orElseThrow();
        DataObject message = edited(id, interaction.channelId, data);
        synchronized (interaction) {
          interaction.originalMessage = Optional.of(id);
        }
        discord.show(interaction.channelId, "update", Optional.of(interaction.id), id, message);
        resource.put("message", message);
      }
      case 6 -> {
        synchronized (interaction) {
          interaction.originalMessage = interaction.pressedMessage;
        }
      }
      case 8 -> {
        // autocomplete choices: nothing shown
      }
      default -> {
        return Answer.error(400, 50035, "Invalid Form Body: type");
      }
    }
    if (query == null || !query.contains("with_response=true")) {
      return new Answer(204, null, false);
    }
    return Answer.ok(
        DataObject.empty()
            .put("interaction", DataObject.empty().put("id", interaction.id).put("type", 2))
            .put("resource", resource));
  }

  /** A deferred answer shows "thinking" until it is edited; ephemeral if the flags say so. */
  private static DataObject thinking(DataObject data) {
    return DataObject.empty().put("content", "").put("flags", data.getInt("flags", 0) | 128);
  }

  private Answer webhook(
      String method, String app, String token, Optional<String> messageId, DataObject json) {
    Optional<DiscordEmulator.Interaction> found = discord.interaction(token);
    if (!DiscordEmulator.BOT_ID.equals(app) || found.isEmpty()) {
      return Answer.error(404, 10015, "Unknown Webhook");
    }
    DiscordEmulator.Interaction interaction = found.get();
    Optional<String> original;
    synchronized (interaction) {
      boolean late =
          Duration.between(interaction.created, discord.clock.instant())
                  .compareTo(DiscordEmulator.FOLLOW_UPS_WITHIN)
              > 0;
      if (interaction.answeredAfter.isEmpty() || late) {
        return Answer.error(404, 10015, "Unknown Webhook");
      }
      original = interaction.originalMessage;
    }
    Optional<String> target =
        messageId.map(id -> id.equals("@original") ? original.orElse("none") : id);
    if (method.equals("POST") && messageId.isEmpty()) {
      List<String> problems = MessageLimits.check(json, true);
      if (!problems.isEmpty()) {
        return Answer.error(400, 50035, "Invalid Form Body: " + problems);
      }
      String id = discord.nextId();
      DataObject message = newMessage(id, interaction.channelId, json).put("webhook_id", app);
      return Answer.ok(
          discord.show(
              interaction.channelId, "followup", Optional.of(interaction.id), id, message));
    }
    if (target.isEmpty() || discord.message(target.get()).isEmpty()) {
      return Answer.error(404, 10008, "Unknown Message");
    }
    String id = target.get();
    return switch (method) {
      case "GET" -> Answer.ok(discord.message(id).orElseThrow());
      case "PATCH" -> {
        List<String> problems = MessageLimits.check(json, false);
        if (!problems.isEmpty()) {
          yield Answer.error(400, 50035, "Invalid Form Body: " + problems);
        }
        DataObject message = edited(id, interaction.channelId, json);
        yield Answer.ok(
            discord.show(interaction.channelId, "edit", Optional.of(interaction.id), id, message));
      }
      case "DELETE" -> {
        discord.show(
            interaction.channelId,
            "delete",
            Optional.of(interaction.id),
            id,
            discord.message(id).orElseThrow());
        yield new Answer(204, null, false);
      }
      default -> Answer.error(405, 0, "405: Method Not Allowed");
    };
  }

  private Answer channelMessage(
      String method, String channelId, Optional<String> messageId, DataObject json) {
    Optional<Integer> refusal = discord.refusalFor(channelId);
    if (refusal.isPresent()) {
      int code = refusal.get();
      String message =
          switch (code) {
            case 50001 -> "Missing Access";
            case 50013 -> "Missing Permissions";
            default -> "Unknown Channel";
          };
      return new Answer(code == 10003 ? 404 : 403, error(code, message), true);
    }
    List<String> problems = MessageLimits.check(json, messageId.isEmpty());
    if (!problems.isEmpty()) {
      return Answer.error(400, 50035, "Invalid Form Body: " + problems);
    }
    if (method.equals("POST") && messageId.isEmpty()) {
      String id = discord.nextId();
      return Answer.ok(
          discord.show(channelId, "post", Optional.empty(), id, newMessage(id, channelId, json)));
    }
    if (method.equals("PATCH") && messageId.isPresent()) {
      String id = messageId.get();
      if (discord.message(id).isEmpty()) {
        return Answer.error(404, 10008, "Unknown Message");
      }
      return Answer.ok(
          discord.show(channelId, "edit", Optional.empty(), id, edited(id, channelId, json)));
    }
    return Answer.error(405, 0, "405: Method Not Allowed");
  }

  private static DataObject error(int code, String message) {
    return DataObject.empty().put("code", code).put("message", message);
  }

  private DataObject newMessage(String id, String channelId, DataObject body) {
    return Payloads.message(id, channelId, discord.botUser(), body, discord.clock.instant());
  }

  /** The message with the edit's fields replacing its own. */
  private DataObject edited(String id, String channelId, DataObject edit) {
    DataObject before =
        discord.message(id).orElseGet(() -> newMessage(id, channelId, DataObject.empty()));
    DataObject merged = DataObject.fromJson(before.toString());
    for (String key : List.of("content", "components", "flags")) {
      if (edit.hasKey(key)) {
        merged.put(key, edit.get(key));
      }
    }
    if (edit.hasKey("embeds")) {
      merged.put("embeds", Payloads.richEmbeds(edit));
    }
    edit.optArray("attachments").ifPresent(a -> merged.put("attachments", DataArray.empty()));
    merged.put("edited_timestamp", Payloads.timestamp(discord.clock.instant()));
    return merged;
  }

  private static DataObject json(String contentType, byte[] body) {
    if (body.length == 0) {
      return DataObject.empty();
    }
    String text =
        contentType.startsWith("multipart/")
            ? Multipart.payloadJson(contentType, body).orElse("{}")
            : new String(body, StandardCharsets.UTF_8);
    text = text.strip();
    if (text.startsWith("[")) {
      return DataObject.empty().put("commands", DataArray.fromJson(text));
    }
    return DataObject.fromJson(text);
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    if (answer.body() == null) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    byte[] bytes =
        (answer.body().hasKey("array")
                ? answer.body().getArray("array").toString()
                : answer.body().toString())
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
