package io.studybot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.studybot.content.Curriculum;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import io.studybot.core.chat.Reply;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.inbox.InboxLoop;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.JdbcInboxStore;
import io.studybot.core.persistence.JdbcOutboxStore;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliveryPreparer;
import io.studybot.core.schedule.Dispatcher;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.schedule.OutboxSender;
import io.studybot.core.schedule.SendScope;
import io.studybot.telegram.TelegramAdapter;
import io.studybot.telegram.TelegramSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench send [--rate N] [--learners N] [--groups N]}: the evening quiz (an intro and three
 * questions) queued for every learner and group, then sent through the real Telegram adapter and
 * the outbox sender to an in-process Bot API that enforces Telegram's limits with {@code rate}
 * messages a second overall. Reports the rate reached against the limit, and what was lost,
 * duplicated, out of order or refused with 429.
 */
final class SendBenchmark {
  private static final int QUIZ_MESSAGES = 4;
  private static final int WORKERS = Main.SEND_WORKERS;
  private static final Duration GIVE_UP = Duration.ofMinutes(15);

  private final PrintStream out;

  SendBenchmark(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args, DatabaseSettings settings, Curriculum curriculum)
      throws IOException, InterruptedException {
    int rate = BenchArgs.positive(args, "--rate", 200);
    int learners = BenchArgs.positive(args, "--learners", 3_000);
    int groups = BenchArgs.positive(args, "--groups", 20);
    try (FakeBotApi api = FakeBotApi.start(rate);
        Database database = Database.open(settings)) {
      Instant due = Instant.now().minusSeconds(30);
      ScheduleSeeder.seedDueLearners(database, learners, due, DeliveryKind.QUIZ);
      ScheduleSeeder.seedDueGroups(database, groups, due, DeliveryKind.QUIZ);
      Clock clock = Clock.systemUTC();
      int queued =
          new Dispatcher(new JdbcDispatchStore(database), clock, Duration.ofDays(3)).tick();
      out.printf(Locale.ROOT, "queued %d quizzes; sending at most %d messages/s%n", queued, rate);
      StudyBot bot =
          new StudyBot(new HibernateStudyStore(database), curriculum, StudyRules.DEFAULT, clock);
      TelegramSettings telegram =
          new TelegramSettings(
              "bench:token",
              api.url(),
              Optional.empty(),
              Optional.empty(),
              TelegramSettings.DEFAULT_WEBHOOK_PORT,
              new RateLimits(
                  rate,
                  TelegramSettings.DEFAULT_RATE_LIMITS.privateChatGap(),
                  TelegramSettings.DEFAULT_RATE_LIMITS.groupChatGap()));
      ExecutorService workers = Executors.newFixedThreadPool(WORKERS + Main.PREPARERS);
      TimedPreparer timed = new TimedPreparer(bot);
      try (InboxLoop inbox = InboxLoop.start(new JdbcInboxStore(database), clock, 2);
          TelegramAdapter adapter = TelegramAdapter.start(telegram, bot, bot, inbox)) {
        OutboxSender sender =
            OutboxSender.concurrent(
                new JdbcOutboxStore(database),
                timed,
                ChatGateways.of(adapter.gateway()),
                clock,
                SendScope.of(EnumSet.of(Platform.TELEGRAM)),
                workers,
                WORKERS);
        long start = System.nanoTime();
        int sent = drainAll(sender, queued, start);
        out.printf(
            Locale.ROOT,
            "prepared %d deliveries in %.1f s of preparing (%.1f ms each), the last %.1f s in%n",
            timed.count(),
            timed.busySeconds(),
            timed.busySeconds() * 1000 / Math.max(1, timed.count()),
            (timed.lastAt() - start) / 1e9);
        out.printf(
            Locale.ROOT,
            "first message %.1f s after the start, last %.1f s after%n",
            (api.firstAcceptedAt() - start) / 1e9,
            (api.lastAcceptedAt() - start) / 1e9);
        return report(api, queued, sent, rate);
      } finally {
        workers.shutdownNow();
      }
    }
  }

  /** Drains until every queued quiz went out, or the benchmark gives up. */
  private static int drainAll(OutboxSender sender, int queued, long start)
      throws InterruptedException {
    int sent = 0;
    while (sent < queued && System.nanoTime() - start < GIVE_UP.toNanos()) {
      int now = sender.drain();
      sent += now;
      if (now == 0) {
        Thread.sleep(100);
      }
    }
    return sent;
  }

  private int report(FakeBotApi api, int queued, int completed, int rate) {
    Map<String, List<JsonNode>> accepted = api.accepted();
    int messages = accepted.values().stream().mapToInt(List::size).sum();
    Check check = new Check();
    accepted.values().forEach(check::chat);
    int lost = Math.max(0, queued * QUIZ_MESSAGES - (messages - check.duplicates));
    // From the first message to the last: the sending, not the preparing before it.
    double seconds = (api.lastAcceptedAt() - api.firstAcceptedAt()) / 1e9;
    double perSecond = messages / seconds;
    out.printf(
        Locale.ROOT,
        "completed %d of %d quizzes; 429s for the overall rate %d, for a chat's limit %d%n",
        completed,
        queued,
        api.overallRefusals(),
        api.tooManyRequests() - api.overallRefusals());
    out.println(
        String.format(
            Locale.ROOT,
            "send: %d messages in %.1f s at %.0f msg/s (limit %d/s, %.2f of limit); lost %d,"
                + " duplicates %d, out of order %d, 429s %d",
            messages,
            seconds,
            perSecond,
            rate,
            perSecond / rate,
            lost,
            check.duplicates,
            check.outOfOrder,
            api.tooManyRequests()));
    return lost == 0 && check.duplicates == 0 && check.outOfOrder == 0 ? 0 : 1;
  }

  /** The bot's preparing, timed: where a send run's time goes when the sender waits for it. */
  private static final class TimedPreparer implements DeliveryPreparer {
    private final DeliveryPreparer bot;
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicInteger count = new AtomicInteger();
    private volatile long lastAt;

    TimedPreparer(DeliveryPreparer bot) {
      this.bot = bot;
    }

    @Override
    public List<Reply> prepare(OutboxEntry entry) {
      long start = System.nanoTime();
      try {
        return bot.prepare(entry);
      } finally {
        lastAt = System.nanoTime();
        busyNanos.addAndGet(lastAt - start);
        count.incrementAndGet();
      }
    }

    @Override
    public void stopDeliveries(OutboxEntry entry) {
      bot.stopDeliveries(entry);
    }

    @Override
    public void chatMoved(OutboxEntry entry, String newChatId) {
      bot.chatMoved(entry, newChatId);
    }

    int count() {
      return count.get();
    }

    double busySeconds() {
      return busyNanos.get() / 1e9;
    }

    long lastAt() {
      return lastAt;
    }
  }

  /**
   * A quiz is its intro, then its questions, whose answer buttons name the delivered questions' ids
   * in the order they were created: a chat's messages must come in that order, each once.
   */
  private static final class Check {
    int duplicates;
    int outOfOrder;

    void chat(List<JsonNode> messages) {
      Set<String> seen = new HashSet<>();
      long lastQuestion = -1;
      for (int i = 0; i < messages.size(); i++) {
        JsonNode message = messages.get(i);
        if (!seen.add(message.path("text").asText() + message.path("caption").asText())) {
          duplicates++;
          continue;
        }
        long question = questionId(message);
        if ((i == 0) != (question < 0) || (question >= 0 && question <= lastQuestion)) {
          outOfOrder++;
        }
        lastQuestion = Math.max(lastQuestion, question);
      }
    }

    /** The delivered question's id from an answer button, or -1 for a message without one. */
    private static long questionId(JsonNode message) {
      for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
        for (JsonNode button : row) {
          String data = button.path("callback_data").asText("");
          if (data.startsWith("a:")) {
            int end = data.indexOf(':', 2);
            return Long.parseLong(data.substring(2, end < 0 ? data.length() : end));
          }
        }
      }
      return -1;
    }
  }
}
