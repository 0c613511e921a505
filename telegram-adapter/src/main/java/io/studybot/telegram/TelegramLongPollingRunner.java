package io.studybot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.schedule.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with telegrambots: its session asks for updates and hands each batch to the update
 * lanes. Only one instance of a bot may poll at a time; run several behind webhooks instead.
 */
final class TelegramLongPollingRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramLongPollingRunner.class);

  /** Telegram holds a poll open this long when there is nothing to deliver. */
  static final int POLL_TIMEOUT_SECONDS = 50;

  private final TelegramBotsLongPollingApplication application;
  private final ScheduledExecutorService poller;

  private TelegramLongPollingRunner(
      TelegramBotsLongPollingApplication application, ScheduledExecutorService poller) {
    this.application = application;
    this.poller = poller;
  }

  /** How long to wait before polling again while another poller holds the token. */
  private static final Duration CONFLICT_PAUSE = Duration.ofSeconds(10);

  static TelegramLongPollingRunner start(
      String token, TelegramUrl url, OkHttpClient http, ObjectMapper json, UpdateLanes lanes) {
    OkHttpClient pollingHttp =
        http.newBuilder()
            .readTimeout(Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 25))
            .addInterceptor(new PollConflictGuard(CONFLICT_PAUSE))
            .build();
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "telegram-poller");
              thread.setDaemon(true);
              return thread;
            });
    TelegramBotsLongPollingApplication application =
        new TelegramBotsLongPollingApplication(() -> json, () -> pollingHttp, () -> poller);
    try {
      application.registerBot(
          token,
          () -> url,
          new PacedGetUpdates(Duration.ofMillis(100), Clock.systemUTC(), Sleeper.REAL),
          updates -> submitAll(updates, lanes));
    } catch (TelegramApiException e) {
      poller.shutdownNow();
      throw new IllegalStateException(
          "Telegram long polling could not start: " + e.getMessage(), e);
    }
    log.info("Telegram long polling started");
    return new TelegramLongPollingRunner(application, poller);
  }

  /** The session's polling loop stops for good if its consumer throws; this never does. */
  private static void submitAll(List<Update> updates, UpdateLanes lanes) {
    for (Update update : updates) {
      try {
        lanes.submit(update);
      } catch (RuntimeException e) {
        log.error("Could not queue Telegram update {}", update.getUpdateId(), e);
      }
    }
  }

  @Override
  public void close() {
    try {
      application.close();
    } catch (Exception e) {
      log.warn("Stopping Telegram long polling failed", e);
    }
    // No interrupt: a poll in flight ends by itself, and the updates it brings are not confirmed
    // to Telegram, which delivers them again at the next start.
    poller.shutdown();
    log.info("Telegram long polling stopped");
  }

  /**
   * Builds each poll, and keeps polls at least {@code gap} apart: an API server that answers an
   * empty poll at once instead of holding it open (an emulator, a proxy) would otherwise make the
   * poller spin a core.
   */
  static final class PacedGetUpdates implements Function<Integer, GetUpdates> {
    private final Duration gap;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant last = Instant.MIN;

    PacedGetUpdates(Duration gap, Clock clock, Sleeper sleeper) {
      this.gap = gap;
      this.clock = clock;
      this.sleeper = sleeper;
    }

    @Override
    public GetUpdates apply(Integer lastReceivedUpdate) {
      waitForGap();
      return GetUpdates.builder()
          .offset(lastReceivedUpdate + 1)
          .limit(100)
          .timeout(POLL_TIMEOUT_SECONDS)
          .allowedUpdates(TelegramUpdateMapper.UPDATE_TYPES)
          .build();
    }

    private void waitForGap() {
      Instant now = clock.instant();
      Instant next = last.equals(Instant.MIN) ? now : last.plus(gap);
      if (next.isAfter(now)) {
        try {
          long nanos = Duration.between(now, next).toNanos();
          // Whole milliseconds, rounded up: never less than the gap.
          sleeper.sleep(Duration.ofMillis((nanos + 999_999) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      last = clock.instant();
    }
  }
}
