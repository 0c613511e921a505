package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;

/**
 * The Telegram adapter, started in one call: it registers the command menu, and receives updates by
 * long polling, or by webhook when a webhook URL is set. Closing it stops receiving and releases
 * its threads; the inbox finishes or keeps the updates in hand.
 */
public final class TelegramAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

  /**
   * A pressed button's callback query is answered this soon if the turn is still running; the
   * client shows an error if none comes within about fifteen seconds, and spins until then.
   */
  static final Duration ANSWER_CALLBACK_AFTER = Duration.ofMillis(800);

  /**
   * Long polling counts as down when no poll was answered this long: Telegram holds an empty poll
   * open for 50 s, so a healthy poller is answered at least every 50 s.
   */
  static final Duration POLL_STALE_AFTER = Duration.ofSeconds(90);

  private final OkHttpClient http;
  private final TelegramChatGateway gateway;
  private final ScheduledExecutorService timer;
  private final AutoCloseable receiver;
  private final Optional<TelegramWebhookRunner> webhook;
  private final PollWatch polls;

  private TelegramAdapter(
      OkHttpClient http,
      TelegramChatGateway gateway,
      ScheduledExecutorService timer,
      AutoCloseable receiver,
      Optional<TelegramWebhookRunner> webhook,
      PollWatch polls) {
    this.http = http;
    this.gateway = gateway;
    this.timer = timer;
    this.receiver = receiver;
    this.webhook = webhook;
    this.polls = polls;
  }

  /**
   * Starts the adapter: updates are stored in {@code inbox} before Telegram is told they arrived,
   * and served from there to {@code bot}; changes to chats themselves (a group upgraded, the bot
   * removed or blocked) go to {@code lifecycle}, timed deliveries through {@link #gateway()}.
   *
   * @throws IllegalStateException when Telegram refuses the token or updates cannot be received
   */
  public static TelegramAdapter start(
      TelegramSettings settings, ChatHandler bot, ChatLifecycle lifecycle, Inbox inbox) {
    PollWatch polls = new PollWatch(Clock.systemUTC(), POLL_STALE_AFTER);
    // The polling client is built from this one and inherits the watch.
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .addNetworkInterceptor(polls)
            .build();
    ObjectMapper json = new ObjectMapper();
    TelegramUrl url = TelegramBotApi.telegramUrl(settings.apiUrl());
    TelegramCalls calls = new TelegramCalls(new TelegramBotApi(http, json, settings.token(), url));
    TelegramChatGateway gateway = new TelegramChatGateway(calls, settings.rateLimits());

    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "telegram-callback-timer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Optional<String> username = botUsername(calls);
      TelegramCommandMenu.register(calls);
      TelegramUpdateHandler handler =
          new TelegramUpdateHandler(
              bot,
              lifecycle,
              new TelegramUpdateMapper(() -> username),
              gateway,
              new TelegramChatAdmins(calls),
              CallbackDeadline.after(ANSWER_CALLBACK_AFTER, timer),
              json);
      inbox.serve(Platform.TELEGRAM, handler::handleStored);
      if (settings.webhookUrl().isPresent()) {
        TelegramWebhookRunner webhook =
            TelegramWebhookRunner.start(
                settings.webhookUrl().get(),
                settings.effectiveWebhookSecret(),
                settings.webhookPort(),
                calls,
                json,
                inbox);
        return new TelegramAdapter(http, gateway, timer, webhook, Optional.of(webhook), polls);
      }
      removeWebhook(calls);
      TelegramLongPollingRunner polling =
          TelegramLongPollingRunner.start(settings.token(), url, http, json, inbox);
      return new TelegramAdapter(http, gateway, timer, polling, Optional.empty(), polls);
    } catch (RuntimeException e) {
      timer.shutdownNow();
      release(http);
      throw e;
    }
  }

  /** The bot's own username, to recognise commands addressed to it in groups. */
  private static Optional<String> botUsername(TelegramCalls calls) {
    try {
      JsonNode me = calls.tryOnce(new GetMe()).result();
      Optional<String> name =
          Optional.ofNullable(me)
              .map(node -> node.path("username").asText(""))
              .filter(n -> !n.isEmpty());
      name.ifPresent(n -> log.info("Telegram bot is @{}", n));
      return name;
    } catch (TelegramCalls.Refused refused) {
      if (refused.errorCode() == 401 || refused.errorCode() == 404) {
        throw new TelegramStartException(
            "TELEGRAM_BOT_TOKEN",
            "Telegram does not accept the bot token (" + refused.errorCode() + ")",
            refused);
      }
      log.warn(
          "Could not ask Telegram who the bot is ({}); commands for any bot are taken",
          refused.getMessage());
      return Optional.empty();
    } catch (DeliveryException e) {
      // No answer at all: a wrong address or no network, not a wrong token.
      throw new TelegramStartException(
          "TELEGRAM_API_URL",
          "Telegram's Bot API cannot be reached; check the network and TELEGRAM_API_URL",
          e);
    }
  }

  /** Telegram delivers no updates to a poller while a webhook is set (a webhook run before). */
  private static void removeWebhook(TelegramCalls calls) {
    try {
      calls.tryOnce(new DeleteWebhook());
    } catch (DeliveryException e) {
      log.warn("Could not remove a webhook before polling: {}", e.getMessage());
    }
  }

  public TelegramChatGateway gateway() {
    return gateway;
  }

  /** The local port of the webhook server, in webhook mode. */
  public Optional<Integer> webhookPort() {
    return webhook.map(TelegramWebhookRunner::port);
  }

  /**
   * Empty while updates can come in; else why not, in one line. Long polling: a poll was answered
   * with success within the last 90 s (start-up counts). Webhook mode: the webhook was registered
   * at start and its server is listening.
   */
  public Optional<String> connectionProblem() {
    if (webhook.isPresent()) {
      return webhook.get().listening()
          ? Optional.empty()
          : Optional.of("the webhook server is not listening");
    }
    return polls.problem();
  }

  @Override
  public void close() {
    try {
      receiver.close();
    } catch (Exception e) {
      log.warn("Stopping Telegram updates failed", e);
    }
    timer.shutdownNow();
    release(http);
  }

  private static void release(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
