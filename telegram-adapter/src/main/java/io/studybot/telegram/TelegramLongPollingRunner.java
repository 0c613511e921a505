package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.inbox.Inbox;
import io.studybot.core.inbox.InboxUpdate;
import io.studybot.core.schedule.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Long polling: asks Telegram for updates, stores each batch in the inbox, and only then asks for
 * the next one with an offset past the batch, which is what confirms it to Telegram. A batch that
 * cannot be stored (the database is down) is asked for again, so nothing Telegram delivered is lost
 * on a crash or an outage. Only one instance of a bot may poll at a time; run several behind
 * webhooks instead.
 */
final class TelegramLongPollingRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramLongPollingRunner.class);

  /** Telegram holds a poll open this long when there is nothing to deliver. */
  static final int POLL_TIMEOUT_SECONDS = 50;

  /** How long to wait before polling again while another poller holds the token. */
  private static final Duration CONFLICT_PAUSE = Duration.ofSeconds(10);

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  /** Short enough that updates flow again within seconds of the database's return. */
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

  private static final Duration STOP_WAIT = Duration.ofSeconds(3);

  private final TelegramBotApi api;
  private final Inbox inbox;
  private final PacedGetUpdates polls;
  private final Sleeper sleeper;
  private final Thread thread;
  private volatile boolean running = true;
  private int offset;
  private Duration backoff = Duration.ZERO;

  TelegramLongPollingRunner(
      TelegramBotApi api, Inbox inbox, PacedGetUpdates polls, Sleeper sleeper) {
    this.api = api;
    this.inbox = inbox;
    this.polls = polls;
    this.sleeper = sleeper;
    this.thread = new Thread(this::run, "telegram-poller");
    this.thread.setDaemon(true);
  }

  static TelegramLongPollingRunner start(
      String token, TelegramUrl url, OkHttpClient http, ObjectMapper json, Inbox inbox) {
    OkHttpClient pollingHttp =
        http.newBuilder()
            .readTimeout(Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 25))
            .addInterceptor(new PollConflictGuard(CONFLICT_PAUSE))
            .build();
    TelegramLongPollingRunner runner =
        new TelegramLongPollingRunner(
            new TelegramBotApi(pollingHttp, json, token, url),
            inbox,
            new PacedGetUpdates(Duration.ofMillis(100), Clock.systemUTC(), Sleeper.REAL),
            Sleeper.REAL);
    runner.thread.start();
    log.info("Telegram long polling started");
    return runner;
  }

  private void run() {
    while (running) {
      try {
        pollOnce();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One poll: the batch is stored before the offset moves past it. */
  void pollOnce() throws InterruptedException {
    List<InboxUpdate> batch;
    try {
      batch = fetch();
    } catch (IOException | RuntimeException e) {
      failed("Polling Telegram failed", e);
      return;
    }
    if (batch.isEmpty() || !running) {
      recovered();
      return;
    }
    try {
      inbox.accept(batch);
    } catch (RuntimeException e) {
      failed("Telegram updates could not be stored; they are asked for again", e);
      return;
    }
    recovered();
    offset = Integer.parseInt(batch.get(batch.size() - 1).updateId()) + 1;
  }

  private List<InboxUpdate> fetch() throws IOException {
    BotApiAnswer answer = api.call(polls.apply(offset - 1));
    if (!answer.delivered()) {
      throw new IOException(
          "getUpdates answered " + answer.errorCode() + " " + answer.description());
    }
    List<InboxUpdate> batch = new ArrayList<>();
    JsonNode result = answer.result();
    if (result != null) {
      for (JsonNode raw : result) {
        if (raw.path("update_id").canConvertToInt()) {
          batch.add(UpdateLane.of(raw, api.json()));
        }
      }
    }
    batch.sort(Comparator.comparingInt(update -> Integer.parseInt(update.updateId())));
    return batch;
  }

  private void failed(String what, Exception e) throws InterruptedException {
    if (backoff.isZero()) {
      log.warn("{}: {}; trying again", what, e.getMessage());
      backoff = FIRST_BACKOFF;
    } else {
      backoff =
          backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0
              ? LONGEST_BACKOFF
              : backoff.multipliedBy(2);
    }
    sleeper.sleep(backoff);
  }

  private void recovered() {
    if (!backoff.isZero()) {
      log.info("Telegram long polling works again");
      backoff = Duration.ZERO;
    }
  }

  /**
   * Stops polling. A poll in flight is not waited for: its updates are not confirmed to Telegram,
   * which delivers them again at the next start.
   */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
