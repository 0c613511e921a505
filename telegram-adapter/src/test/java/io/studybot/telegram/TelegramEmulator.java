package io.studybot.telegram;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm package telegram-test-api, a third-party Telegram Bot API emulator, run as a Node process
 * on a loopback port. Tests play Telegram's users through its client routes and read what the bot
 * sent from its history. {@code telegram-adapter/src/test/emulator/install.sh} installs it; without
 * it the tests skip with a message, except under {@code CI=true}, where they fail.
 */
public final class TelegramEmulator implements AutoCloseable {
  public static final String TOKEN = "123456:emulated-token";

  private static final String SCRIPT =
      "const TelegramServer = require('telegram-test-api');"
          + "const server = new TelegramServer({host: '127.0.0.1', port: Number(process.env.PORT),"
          + " storeTimeout: 3600});"
          + "server.start().then(() => console.log('emulator listening'));"
          + "process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final URI url;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> output = new ArrayList<>();

  private TelegramEmulator(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  /** The folder holding node_modules/telegram-test-api, found from this module or a sibling. */
  public static Optional<Path> installation() {
    for (String candidate : List.of("target/emulator", "../telegram-adapter/target/emulator")) {
      Path dir = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isRegularFile(dir.resolve("node_modules/telegram-test-api/package.json"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** Starts the emulator, or skips the test (fails it under CI) when it is not installed. */
  public static TelegramEmulator start() throws IOException, InterruptedException {
    Optional<Path> dir = installation();
    String missing =
        "the Telegram Bot API emulator is not installed; run telegram-adapter/src/test/emulator/install.sh";
    if (dir.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail(missing);
      }
      System.err.println("SKIPPED: " + missing);
      Assumptions.abort(missing);
    }
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder("node", "-e", SCRIPT).directory(dir.get().toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    TelegramEmulator emulator =
        new TelegramEmulator(process, URI.create("http://127.0.0.1:" + port));
    emulator.awaitListening();
    return emulator;
  }

  private void awaitListening() throws InterruptedException {
    CompletableFuture<Boolean> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("emulator listening")) {
                    listening.complete(true);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              listening.complete(false);
            },
            "telegram-emulator-output");
    reader.setDaemon(true);
    reader.start();
    boolean up;
    try {
      up = listening.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      up = false;
    }
    if (!up) {
      close();
      throw new IllegalStateException("the emulator did not start: " + output());
    }
  }

  /** The Bot API base URL to give the adapter. */
  public URI apiUrl() {
    return url;
  }

  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** A Telegram user as the emulator's client routes take it. */
  public record User(long id, String firstName, String languageCode) {}

  /** A chat: a user's private chat (the user's id) or a group (a negative id). */
  public record Chat(long id, String type, String title) {
    public static Chat privateWith(User user) {
      return new Chat(user.id(), "private", user.firstName());
    }

    public static Chat group(long id, String title) {
      return new Chat(id, "group", title);
    }
  }

  /**
   * A message the bot sent, as the emulator stores it (edits applied); {@code threadId} is its
   * forum topic, 0 for the main thread.
   */
  public record BotMessage(
      long messageId, long chatId, String text, JsonNode replyMarkup, long threadId) {
    /** The callback data of the button with this label, or of any button containing it. */
    public String button(String label) {
      for (JsonNode row : replyMarkup.path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (button.path("text").asText().contains(label)) {
            return button.path("callback_data").asText();
          }
        }
      }
      throw new AssertionError("no button '" + label + "' under: " + text + " " + replyMarkup);
    }

    public List<String> buttonData() {
      List<String> data = new ArrayList<>();
      for (JsonNode row : replyMarkup.path("inline_keyboard")) {
        for (JsonNode button : row) {
          data.add(button.path("callback_data").asText());
        }
      }
      return data;
    }
  }

  /** The user types a command, such as {@code /start} or {@code /progress@TestNameBot}. */
  public void command(User user, Chat chat, String text) {
    ObjectNode message = message(user, chat, text);
    ArrayNode entities = message.putArray("entities");
    int length = text.contains(" ") ? text.indexOf(' ') : text.length();
    entities.addObject().put("offset", 0).put("length", length).put("type", "bot_command");
    post("/sendCommand", message);
  }

  /** The user types a command in a forum topic of a supergroup. */
  public void commandInTopic(User user, Chat chat, long topic, String text) {
    ObjectNode message = message(user, chat, text);
    message.put("message_thread_id", topic).put("is_topic_message", true);
    ArrayNode entities = message.putArray("entities");
    int length = text.contains(" ") ? text.indexOf(' ') : text.length();
    entities.addObject().put("offset", 0).put("length", length).put("type", "bot_command");
    post("/sendCommand", message);
  }

  /**
   * Telegram's two service messages when a group becomes a supergroup, without text: one in the old
   * group naming the new id, one in the supergroup naming the old id.
   */
  public void upgraded(User user, Chat group, Chat supergroup) {
    ObjectNode inGroup = message(user, group, "");
    inGroup.remove("text");
    inGroup.put("migrate_to_chat_id", supergroup.id());
    post("/sendMessage", inGroup);
    ObjectNode inSupergroup = message(user, supergroup, "");
    inSupergroup.remove("text");
    inSupergroup.put("migrate_from_chat_id", group.id());
    post("/sendMessage", inSupergroup);
  }

  /** The user types plain text. */
  public void text(User user, Chat chat, String text) {
    post("/sendMessage", message(user, chat, text));
  }

  /** The user presses a button with this callback data under one of the bot's messages. */
  public void press(User user, Chat chat, BotMessage under, String data) {
    ObjectNode query = JSON.createObjectNode();
    query.put("botToken", TOKEN);
    query.set("from", from(user));
    ObjectNode message = query.putObject("message");
    message.put("message_id", under.messageId());
    message.put("date", Instant.now().getEpochSecond());
    message.set("chat", chat(chat));
    message.put("text", under.text());
    query.put("data", data);
    post("/sendCallback", query);
  }

  /** Every message the bot sent to the chat, oldest first. */
  public List<BotMessage> botMessages(Chat chat) {
    JsonNode history = post("/getUpdatesHistory", JSON.createObjectNode().put("token", TOKEN));
    List<BotMessage> sent = new ArrayList<>();
    for (JsonNode item : history.path("result")) {
      JsonNode message = item.path("message");
      if (message.has("chat_id") && message.path("chat_id").asLong() == chat.id()) {
        sent.add(
            new BotMessage(
                item.path("messageId").asLong(),
                chat.id(),
                message.path("text").asText(),
                message.path("reply_markup"),
                message.path("message_thread_id").asLong(0)));
      }
    }
    return sent;
  }

  /** Waits until the bot has sent the chat a message that matches, and returns the latest one. */
  public BotMessage awaitMessage(Chat chat, Predicate<BotMessage> matching)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<BotMessage> sent = botMessages(chat);
      for (int i = sent.size() - 1; i >= 0; i--) {
        if (matching.test(sent.get(i))) {
          return sent.get(i);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the bot sent chat " + chat.id() + " nothing that matches; it sent: " + botMessages(chat));
  }

  public BotMessage awaitText(Chat chat, String fragment) throws InterruptedException {
    return awaitMessage(chat, message -> message.text().contains(fragment));
  }

  private static ObjectNode message(User user, Chat chat, String text) {
    ObjectNode message = JSON.createObjectNode();
    message.put("botToken", TOKEN);
    message.set("from", from(user));
    message.set("chat", chat(chat));
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    return message;
  }

  private static ObjectNode from(User user) {
    ObjectNode from = JSON.createObjectNode();
    from.put("id", user.id()).put("is_bot", false).put("first_name", user.firstName());
    if (user.languageCode() != null) {
      from.put("language_code", user.languageCode());
    }
    return from;
  }

  private static ObjectNode chat(Chat chat) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", chat.id()).put("type", chat.type());
    if (chat.type().equals("private")) {
      node.put("first_name", chat.title());
    } else {
      node.put("title", chat.title());
    }
    return node;
  }

  private JsonNode post(String path, JsonNode body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(url.resolve(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
