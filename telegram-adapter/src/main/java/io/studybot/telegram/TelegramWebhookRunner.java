package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.studybot.core.inbox.Inbox;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.webhook.TelegramWebhookBot;

/**
 * Webhook mode: a small web server (Javalin, as in telegrambots-webhook) takes Telegram's update
 * POSTs at the webhook URL's path and stores each in the inbox before answering 200; an update that
 * cannot be stored is answered 503, and Telegram posts it again later. Every request must carry the
 * secret token in {@code X-Telegram-Bot-Api-Secret-Token}; any other is refused, so only Telegram
 * can inject updates. Several instances behind a load balancer can serve the same webhook; closing
 * one leaves the webhook registered for the others.
 */
final class TelegramWebhookRunner implements TelegramWebhookBot, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRunner.class);

  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final URI publicUrl;
  private final byte[] secret;
  private final String secretText;
  private final TelegramCalls calls;
  private final ObjectMapper json;
  private final Inbox inbox;
  private Javalin server;

  // start() sets the server right after construction.
  @SuppressWarnings("NullAway.Init")
  private TelegramWebhookRunner(
      URI publicUrl, String secret, TelegramCalls calls, ObjectMapper json, Inbox inbox) {
    this.publicUrl = publicUrl;
    this.secretText = secret;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.calls = calls;
    this.json = json;
    this.inbox = inbox;
  }

  /** Starts listening on {@code port} (0 picks a free one), then registers the webhook. */
  static TelegramWebhookRunner start(
      URI publicUrl, String secret, int port, TelegramCalls calls, ObjectMapper json, Inbox inbox) {
    TelegramWebhookRunner runner = new TelegramWebhookRunner(publicUrl, secret, calls, json, inbox);
    runner.server =
        Javalin.create(config -> config.showJavalinBanner = false)
            .post(runner.getBotPath(), runner::receive)
            .start(port);
    try {
      runner.runSetWebhook();
    } catch (RuntimeException e) {
      runner.server.stop();
      throw e;
    }
    log.info("Telegram webhook listening on port {} at {}", runner.port(), runner.getBotPath());
    return runner;
  }

  int port() {
    return server.port();
  }

  /** Whether the server still takes Telegram's requests (it starts only once registered). */
  boolean listening() {
    return server.jettyServer().server().isRunning();
  }

  @Override
  public String getBotPath() {
    String path = publicUrl.getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public void runSetWebhook() {
    calls.execute(
        SetWebhook.builder()
            .url(publicUrl.toString())
            .secretToken(secretText)
            .allowedUpdates(TelegramUpdateMapper.UPDATE_TYPES)
            .build());
  }

  /** Instances behind a load balancer share the webhook; stopping one must not remove it. */
  @Override
  public void runDeleteWebhook() {}

  /** Stores an update parsed elsewhere; receive() stores the body as Telegram sent it. */
  @Override
  public org.telegram.telegrambots.meta.api.methods.botapimethods.@Nullable BotApiMethod<?>
      consumeUpdate(Update update) {
    inbox.accept(List.of(UpdateLane.of(json.valueToTree(update), json)));
    return null;
  }

  private void receive(Context ctx) {
    String given = ctx.header(SECRET_HEADER);
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      log.warn("Refused a webhook request without the right secret token");
      ctx.status(401).result("unauthorized");
      return;
    }
    JsonNode raw;
    try {
      raw = json.readTree(ctx.bodyAsBytes());
      json.treeToValue(raw, Update.class);
    } catch (IOException | RuntimeException e) {
      // Telegram retries anything but a 2xx for ever: one it cannot be helped with is dropped.
      log.warn("Dropped a webhook request that is not an update: {}", e.getMessage());
      ctx.status(200).result("not an update");
      return;
    }
    try {
      inbox.accept(List.of(UpdateLane.of(raw, json)));
    } catch (RuntimeException e) {
      log.warn("A webhook update could not be stored; Telegram sends it again: {}", e.getMessage());
      ctx.status(503).result("try again");
      return;
    }
    ctx.status(200);
  }

  @Override
  public void close() {
    server.stop();
    log.info("Telegram webhook server stopped");
  }
}
