package io.studybot.discord.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The fake's gateway session: HELLO, IDENTIFY answered by READY and one GUILD_CREATE per server,
 * heartbeats acknowledged, dispatches numbered so a dropped connection can RESUME and get what it
 * missed. One bot session at a time, as the tests need.
 */
final class Gateway implements WebSocketServer.Handler {
  static final int HEARTBEAT_INTERVAL_MS = 41_250;

  private final String token;
  private final Supplier<DataObject> ready;
  private final Supplier<List<DataObject>> guilds;
  private final List<DataObject> dispatched = new ArrayList<>();
  private final List<String> received = new ArrayList<>();
  private final WebSocketServer server;
  private Optional<WebSocketServer.Connection> live = Optional.empty();
  private Optional<String> sessionId = Optional.empty();
  private int identifies;
  private int resumes;

  Gateway(String token, Supplier<DataObject> ready, Supplier<List<DataObject>> guilds)
      throws IOException {
    this.token = token;
    this.ready = ready;
    this.guilds = guilds;
    this.server = new WebSocketServer(this);
  }

  String url() {
    return "ws://127.0.0.1:" + server.port() + "/";
  }

  @Override
  public synchronized void opened(WebSocketServer.Connection connection) {
    live = Optional.of(connection);
    send(
        connection,
        DataObject.empty()
            .put("op", 10)
            .putNull("s")
            .putNull("t")
            .put("d", DataObject.empty().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
  }

  @Override
  public synchronized void text(WebSocketServer.Connection connection, String text) {
    received.add(text);
    DataObject payload = DataObject.fromJson(text);
    switch (payload.getInt("op")) {
      case 1 -> send(connection, DataObject.empty().put("op", 11).putNull("d"));
      case 2 -> identify(connection, payload.getObject("d"));
      case 6 -> resume(connection, payload.getObject("d"));
      default -> {
        // presence updates and member requests: nothing the tests need
      }
    }
  }

  @Override
  public synchronized void closed(WebSocketServer.Connection connection) {
    if (live.equals(Optional.of(connection))) {
      live = Optional.empty();
    }
  }

  private void identify(WebSocketServer.Connection connection, DataObject identify) {
    if (!token.equals(identify.getString("token", ""))) {
      closeQuietly(connection, 4004, "Authentication failed.");
      return;
    }
    identifies++;
    sessionId = Optional.of(UUID.randomUUID().toString().replace("-", ""));
    dispatched.clear();
    DataObject readyData = ready.get().put("session_id", sessionId.get());
    readyData.put("resume_gateway_url", url());
    dispatchNow("READY", readyData);
    guilds.get().forEach(guild -> dispatchNow("GUILD_CREATE", guild));
  }

  private void resume(WebSocketServer.Connection connection, DataObject resume) {
    boolean known =
        token.equals(resume.getString("token", ""))
            && sessionId.equals(Optional.of(resume.getString("session_id", "")));
    if (!known) {
      send(connection, DataObject.empty().put("op", 9).put("d", false));
      return;
    }
    resumes++;
    long seen = resume.getLong("seq", 0);
    for (DataObject event : dispatched) {
      if (event.getLong("s") > seen) {
        send(connection, event);
      }
    }
    dispatchNow("RESUMED", DataObject.empty());
  }

  /** Sends a dispatch now, or keeps it for the RESUME of a dropped session. */
  synchronized void dispatch(String type, DataObject data) {
    dispatchNow(type, data);
  }

  private void dispatchNow(String type, DataObject data) {
    DataObject event =
        DataObject.empty()
            .put("op", 0)
            .put("s", dispatched.size() + 1)
            .put("t", type)
            .put("d", data);
    dispatched.add(event);
    live.ifPresent(connection -> send(connection, event));
  }

  /** Ends the connection the way a network failure does: no close frame, the session kept. */
  synchronized void drop() {
    live.ifPresent(WebSocketServer.Connection::dropQuietly);
    live = Optional.empty();
  }

  synchronized boolean connected() {
    return live.isPresent() && sessionId.isPresent();
  }

  synchronized int identifies() {
    return identifies;
  }

  synchronized int resumes() {
    return resumes;
  }

  /** Everything the bot sent on the gateway, as JSON text. */
  synchronized List<String> received() {
    return List.copyOf(received);
  }

  void close() throws IOException {
    drop();
    server.close();
  }

  private static void send(WebSocketServer.Connection connection, DataObject payload) {
    try {
      connection.send(payload.toString());
    } catch (IOException e) {
      connection.dropQuietly();
    }
  }

  private static void closeQuietly(WebSocketServer.Connection connection, int code, String why) {
    try {
      connection.close(code, why);
    } catch (IOException e) {
      connection.dropQuietly();
    }
  }
}
