package io.studybot.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.content.Curriculum;
import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.conversation.AnswerTokens;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.AnswerSeeder;
import io.studybot.core.persistence.BenchmarkDatabase;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.study.QuestionRef;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench answers [--seconds N] [--learners N] [--threads N] [--connections N]}: learners with
 * open quizzes in a fresh PostgreSQL schema press answer buttons through the real core ({@link
 * StudyBot#handle}, its replies discarded), {@code --threads} learners at once on a pool of {@code
 * --connections}, for a fixed time after a warm-up. Then, in the same run, the database's own rate
 * of one-row update transactions on as many connections, for comparison.
 */
final class AnswerBenchmark {
  /** Delivered questions per learner: a quiz's questions and reviews. */
  private static final int QUESTIONS_EACH = 8;

  private static final int WARM_UP_SECONDS = 5;

  private final PrintStream out;

  AnswerBenchmark(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args, DatabaseSettings base, Curriculum curriculum) {
    int seconds = BenchArgs.positive(args, "--seconds", 20);
    int learners = BenchArgs.positive(args, "--learners", 20_000);
    int threads = BenchArgs.positive(args, "--threads", 16);
    int connections = BenchArgs.positive(args, "--connections", 4);
    String schema = "bench_" + System.currentTimeMillis();
    DatabaseSettings settings = BenchmarkDatabase.createScratchSchema(base, schema, connections);
    try (Database database = Database.open(settings)) {
      List<QuestionRef> questions = questions(curriculum);
      out.printf(
          Locale.ROOT,
          "seeding %d learners with %d open questions each in schema %s%n",
          learners,
          questions.size(),
          schema);
      AnswerSeeder.Seeded seeded =
          AnswerSeeder.seedOpenQuizzes(
              database,
              learners,
              curriculum.id(),
              questions.get(0).topicId(),
              questions,
              Instant.now());
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      HibernateStudyStore store = new HibernateStudyStore(database);
      store.bindMetrics(meters);
      StudyBot bot = new StudyBot(store, curriculum, StudyRules.DEFAULT, Clock.systemUTC(), meters);
      Presses presses = new Presses(bot, curriculum, seeded, questions, threads);
      checkpoint(database);
      long start = System.nanoTime();
      long measureFrom = start + WARM_UP_SECONDS * 1_000_000_000L;
      long until = measureFrom + seconds * 1_000_000_000L;
      presses.run(measureFrom, until);
      double answersPerSecond = presses.counted() / (double) seconds;

      checkpoint(database);
      long updatesFrom = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
      double tps =
          BenchmarkDatabase.simpleUpdateRate(
              database,
              seeded.firstLearnerId(),
              learners,
              connections,
              updatesFrom,
              updatesFrom + seconds * 1_000_000_000L);
      if (presses.ranOut()) {
        out.println("warning: some threads answered every seeded question; use more --learners");
      }
      out.printf(
          Locale.ROOT,
          "%d answers recorded, %d refused, on %d threads and %d connections;"
              + " %.2f ms of CPU in the core per answer%n",
          presses.counted(),
          presses.refused(),
          threads,
          connections,
          presses.cpuMillisPerAnswer());
      out.printf(
          Locale.ROOT,
          "%.0f%% of all presses (warm-up included) recorded in one statement%n",
          100.0
              * count(meters, "studybot.answers.direct")
              / count(meters, "studybot.updates.handled"));
      out.printf(
          Locale.ROOT,
          "%.1f answers recorded per transaction%n",
          count(meters, "studybot.answers.direct")
              / meters.get(HibernateStudyStore.ANSWER_TRANSACTIONS).functionCounter().count());
      out.println(
          String.format(
              Locale.ROOT,
              "answers: %.0f/s, p50 %.1f ms, p99 %.1f ms; simple-update %.0f tps; ratio %.2f",
              answersPerSecond,
              presses.latency().percentileMillis(0.50),
              presses.latency().percentileMillis(0.99),
              tps,
              answersPerSecond / tps));
      return presses.refused() == 0 && !presses.ranOut() ? 0 : 1;
    } finally {
      BenchmarkDatabase.dropScratchSchema(base, schema);
    }
  }

  private void checkpoint(Database database) {
    if (!BenchmarkDatabase.checkpoint(database)) {
      out.println("warning: could not ask for a checkpoint; a checkpoint may fall in either phase");
    }
  }

  private static double count(SimpleMeterRegistry meters, String name) {
    return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * The questions every learner's quiz holds: the first topic's, then later topics' as reviews, so
   * that every answer is the learner's first to that question.
   */
  private static List<QuestionRef> questions(Curriculum curriculum) {
    List<QuestionRef> picked = new ArrayList<>();
    String first = curriculum.topics().get(0).id();
    for (Topic topic : curriculum.topics()) {
      for (Question question : topic.questions()) {
        if (picked.size() < QUESTIONS_EACH) {
          picked.add(new QuestionRef(topic.id(), question.id(), !topic.id().equals(first)));
        }
      }
    }
    return picked;
  }

  /**
   * The simulated learners: thread {@code t} takes learners {@code t, t + threads, …} in turn, and
   * each answers all of its questions in order, a random choice each, before the next one starts.
   */
  private static final class Presses {
    private final StudyBot bot;
    private final Curriculum curriculum;
    private final AnswerSeeder.Seeded seeded;
    private final List<QuestionRef> questions;
    private final int threads;
    private final List<Worker> workers = new ArrayList<>();

    Presses(
        StudyBot bot,
        Curriculum curriculum,
        AnswerSeeder.Seeded seeded,
        List<QuestionRef> questions,
        int threads) {
      this.bot = bot;
      this.curriculum = curriculum;
      this.seeded = seeded;
      this.questions = questions;
      this.threads = threads;
    }

    void run(long measureFrom, long until) {
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Worker worker = new Worker(t, measureFrom, until);
        workers.add(worker);
        Thread thread = new Thread(worker, "answers-" + t);
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    long counted() {
      return workers.stream().mapToLong(w -> w.counted).sum();
    }

    long refused() {
      return workers.stream().mapToLong(w -> w.refused).sum();
    }

    /** CPU time the pressing threads used while measured, over the answers counted. */
    double cpuMillisPerAnswer() {
      return workers.stream().mapToLong(w -> w.cpuNanos).sum() / 1e6 / Math.max(1, counted());
    }

    boolean ranOut() {
      return workers.stream().anyMatch(w -> w.ranOut);
    }

    Latency latency() {
      Latency all = new Latency();
      workers.forEach(w -> all.add(w.latency));
      return all;
    }

    private final class Worker implements Runnable {
      private final int first;
      private final long measureFrom;
      private final long until;
      final Latency latency = new Latency();
      long counted;
      long refused;
      long cpuNanos;
      boolean ranOut = true;

      Worker(int first, long measureFrom, long until) {
        this.first = first;
        this.measureFrom = measureFrom;
        this.until = until;
      }

      @Override
      public void run() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try {
          pressUntil(cpu);
        } finally {
          cpuNanos = cpuAtMeasureStart < 0 ? 0 : cpu.getCurrentThreadCpuTime() - cpuAtMeasureStart;
        }
      }

      private long cpuAtMeasureStart = -1;

      private void pressUntil(ThreadMXBean cpu) {
        boolean measuring = false;
        for (int learner = first; learner < seeded.learners(); learner += threads) {
          for (int q = 0; q < questions.size(); q++) {
            long start = System.nanoTime();
            if (start >= until) {
              ranOut = false;
              return;
            }
            if (!measuring && start >= measureFrom) {
              measuring = true;
              cpuAtMeasureStart = cpu.getCurrentThreadCpuTime();
            }
            boolean verdict = press(learner, q);
            long took = System.nanoTime() - start;
            if (start >= measureFrom) {
              if (verdict) {
                counted++;
                latency.record(took);
              } else {
                refused++;
              }
            }
          }
        }
      }

      /** One press; true when the reply is the verdict, which replaces the question. */
      private boolean press(int learner, int q) {
        String account = seeded.externalId(learner);
        PlatformUser user =
            new PlatformUser(
                Platform.TELEGRAM, account, seeded.displayName(learner), Optional.of("en"));
        ChatRef chat = new ChatRef(Platform.TELEGRAM, account, ChatKind.PRIVATE);
        QuestionRef ref = questions.get(q);
        int choices =
            curriculum
                .topic(ref.topicId())
                .orElseThrow()
                .question(ref.questionId())
                .choices()
                .size();
        int choice = ThreadLocalRandom.current().nextInt(choices);
        String payload =
            AnswerTokens.of(
                curriculum, seeded.questionId(learner, q), ref.topicId(), ref.questionId(), choice);
        List<Reply> replies =
            bot.handle(new IncomingEvent.ButtonPress(user, chat, payload, Optional.of("m" + q)));
        return !replies.isEmpty() && replies.get(0).message().replaces().isPresent();
      }
    }
  }

  /** Latencies in 10 µs steps up to 2 s, the last step holding all slower ones. */
  static final class Latency {
    private static final long STEP_NANOS = 10_000;
    private final long[] counts = new long[200_000];
    private long total;

    void record(long nanos) {
      counts[(int) Math.min(counts.length - 1, nanos / STEP_NANOS)]++;
      total++;
    }

    void add(Latency other) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      total += other.total;
    }

    /** The latency that {@code fraction} of the recorded ones do not exceed, in milliseconds. */
    double percentileMillis(double fraction) {
      long rank = (long) Math.ceil(fraction * total);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank && seen > 0) {
          return (i + 1) * STEP_NANOS / 1e6;
        }
      }
      return 0;
    }
  }
}
