package io.studybot.app;

import io.studybot.content.ContentCommand;
import io.studybot.content.Curricula;
import io.studybot.content.Curriculum;
import io.studybot.content.CurriculumSource;
import io.studybot.content.InvalidCurriculumException;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.JdbcOutboxStore;
import io.studybot.core.review.FsrsParameters;
import io.studybot.core.schedule.DeliveryJobs;
import io.studybot.core.schedule.Dispatcher;
import io.studybot.core.schedule.OutboxSender;
import io.studybot.core.schedule.Sleeper;
import io.studybot.discord.DiscordAdapter;
import io.studybot.discord.DiscordSettings;
import io.studybot.telegram.TelegramAdapter;
import io.studybot.telegram.TelegramSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts StudyBot: {@code studybot} runs the bot, {@code studybot content lint|coverage [DIR]}
 * checks a curriculum. Exit codes: 0 done, 1 a check failed, 2 a bad setting or usage.
 */
public final class Main {
  static final int BAD_SETTING = 2;
  private static final java.time.Duration SILENCE_LIMIT = java.time.Duration.ofDays(3);
  private static final long FUZZ_SEED = 0x5747_4459_424f_5400L;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (!args.isEmpty() && args.get(0).equals("content")) {
      return new ContentCommand(out, err).run(args.subList(1, args.size()));
    }
    if (args.size() >= 2 && args.get(0).equals("bench") && args.get(1).equals("dispatch")) {
      return bench(args.subList(2, args.size()), env, out, err);
    }
    if (!args.isEmpty()) {
      err.println(
          "usage: studybot | studybot content lint [DIR] | studybot content coverage [DIR]"
              + " | studybot bench dispatch [--learners N]");
      return BAD_SETTING;
    }
    AppConfig config;
    try {
      config = AppConfig.from(env);
      rejectMissingAdapters(config);
    } catch (ConfigException e) {
      err.println("studybot: " + e.getMessage());
      return BAD_SETTING;
    }
    // Logs go to a file under the data folder, so the console chat owns the terminal.
    System.setProperty("studybot.dataDir", config.dataDir().toAbsolutePath().toString());
    return serve(config, env, out, err);
  }

  private static int bench(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      AppConfig config = AppConfig.from(env);
      if (!config.database().isPostgres()) {
        throw new ConfigException("STUDYBOT_DB_URL: the dispatch benchmark needs a PostgreSQL URL");
      }
      System.setProperty("studybot.dataDir", config.dataDir().toAbsolutePath().toString());
      return new DispatchBenchmark(out).run(args, config.database());
    } catch (ConfigException e) {
      err.println("studybot: " + e.getMessage());
      return BAD_SETTING;
    } catch (java.sql.SQLException e) {
      err.println(
          "studybot: the benchmark database failed: "
              + Objects.toString(e.getMessage(), "").lines().findFirst().orElse(""));
      return 1;
    }
  }

  private static void rejectMissingAdapters(AppConfig config) {
    if (config.console()) {
      return;
    }
    if (config.discordToken().isEmpty() && config.telegramToken().isEmpty()) {
      throw new ConfigException(
          "STUDYBOT_CONSOLE: false, but no platform token is set; set TELEGRAM_BOT_TOKEN or DISCORD_BOT_TOKEN");
    }
  }

  // On Java 17, System.console() is null exactly when there is no terminal.
  @SuppressWarnings("SystemConsoleNull")
  private static int serve(
      AppConfig config, Map<String, String> env, PrintStream out, PrintStream err) {
    Logger log = LoggerFactory.getLogger(Main.class);
    Curriculum curriculum;
    try {
      curriculum = loadCurriculum(config);
    } catch (InvalidCurriculumException e) {
      err.println(
          "studybot: STUDYBOT_CURRICULUM_DIR: the curriculum has problems; run `content lint` on it");
      return BAD_SETTING;
    }
    Database database;
    try {
      database = Database.open(config.database());
    } catch (RuntimeException e) {
      log.error("Cannot open the database {}", config.database().describe(), e);
      err.println(
          "studybot: cannot open the database "
              + config.database().describe()
              + " (check STUDYBOT_DB_URL, STUDYBOT_DB_USER, STUDYBOT_DB_PASSWORD): "
              + rootMessage(e));
      return BAD_SETTING;
    }
    // One hook, so the jobs stop before the database they use closes.
    java.util.Deque<AutoCloseable> running = new java.util.concurrent.ConcurrentLinkedDeque<>();
    running.push(database);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running), "studybot-shutdown"));
    log.info("StudyBot started with {}", config);
    StudyBot bot =
        new StudyBot(
            new HibernateStudyStore(database.sessionFactory()),
            curriculum,
            studyRules(config),
            Clock.systemUTC());
    if (config.discord().isPresent() || config.telegram().isPresent()) {
      return servePlatforms(config, database, bot, running, out, err);
    }
    ConsoleChat console = new ConsoleChat(out, userName(env), languageHint(env));
    bot.connect(console);
    if (!startScheduler(config, database, bot, running, err)) {
      return 1;
    }
    try {
      console.run(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          bot,
          System.console() != null);
    } catch (IOException e) {
      log.error("Reading the console failed", e);
      return 1;
    }
    log.info("End of input; StudyBot stops");
    return 0;
  }

  /**
   * Serves Discord and Telegram, whichever has a token, until the process is asked to stop
   * (SIGTERM, Ctrl-C); the shutdown hook then stops the deliveries, the adapters and the database,
   * in that order.
   */
  private static int servePlatforms(
      AppConfig config,
      Database database,
      StudyBot bot,
      Deque<AutoCloseable> running,
      PrintStream out,
      PrintStream err) {
    List<String> platforms = new ArrayList<>();
    if (config.discord().isPresent()) {
      int failed = startDiscord(config.discord().get(), bot, running, err);
      if (failed != 0) {
        return failed;
      }
      platforms.add("Discord");
    }
    if (config.telegram().isPresent()) {
      int failed = startTelegram(config.telegram().get(), bot, running, err);
      if (failed != 0) {
        return failed;
      }
      platforms.add("Telegram");
    }
    if (!startScheduler(config, database, bot, running, err)) {
      return 1;
    }
    out.println(
        "StudyBot is serving "
            + String.join(" and ", platforms)
            + ". Logs: "
            + config.dataDir().resolve("studybot.log")
            + ". Stop it with Ctrl-C or SIGTERM.");
    out.flush();
    try {
      new CountDownLatch(1).await(); // the JVM ends once the shutdown hook has closed everything
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Starts the Discord adapter; 0, or the exit code of a failed start, reported. */
  private static int startDiscord(
      DiscordSettings settings, StudyBot bot, Deque<AutoCloseable> running, PrintStream err) {
    try {
      running.push(DiscordAdapter.start(settings, bot));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("studybot: DISCORD_BOT_TOKEN: " + e.getMessage());
      return BAD_SETTING;
    } catch (IllegalStateException e) {
      LoggerFactory.getLogger(Main.class).info("Discord start-up failed", e);
      err.println("studybot: " + e.getMessage());
      return 1;
    }
  }

  /** Starts the Telegram adapter; 0, or 1 when it could not start, reported. */
  private static int startTelegram(
      TelegramSettings settings, StudyBot bot, Deque<AutoCloseable> running, PrintStream err) {
    try {
      running.push(TelegramAdapter.start(settings, bot));
      return 0;
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Main.class).info("Telegram start-up failed", e);
      err.println(
          "studybot: TELEGRAM_BOT_TOKEN: the Telegram adapter could not start: " + rootMessage(e));
      return 1;
    }
  }

  /** Starts timed deliveries unless turned off; false, reported, when the scheduler cannot. */
  private static boolean startScheduler(
      AppConfig config,
      Database database,
      StudyBot bot,
      Deque<AutoCloseable> running,
      PrintStream err) {
    if (!config.scheduler()) {
      return true;
    }
    try {
      running.push(startDeliveries(database, bot));
      return true;
    } catch (SchedulerException e) {
      LoggerFactory.getLogger(Main.class).error("Cannot start the delivery scheduler", e);
      err.println("studybot: cannot start the delivery scheduler: " + e.getMessage());
      return false;
    }
  }

  /** Review intervals get FSRS's fuzz, so cards answered together do not all return together. */
  private static StudyRules studyRules(AppConfig config) {
    return StudyRules.DEFAULT
        .withQuestionsPerQuiz(config.questionsPerQuiz())
        .withReviewsPerDay(config.reviewsPerDay())
        .withMaxFrozenDays(config.maxPauseDays())
        .withFsrs(FsrsParameters.defaults().withFuzz(FUZZ_SEED));
  }

  private static void closeAll(java.util.Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        LoggerFactory.getLogger(Main.class).warn("Closing on shutdown failed", e);
      }
    }
  }

  /** The dispatch tick, the sender and the clean-up, on Quartz (clustered on PostgreSQL). */
  private static DeliveryJobs startDeliveries(Database database, StudyBot bot)
      throws SchedulerException {
    Clock clock = Clock.systemUTC();
    JdbcOutboxStore outbox = new JdbcOutboxStore(database);
    Dispatcher dispatcher = new Dispatcher(new JdbcDispatchStore(database), clock, SILENCE_LIMIT);
    OutboxSender sender = new OutboxSender(outbox, bot, clock, Sleeper.REAL);
    return DeliveryJobs.start(
        dispatcher, sender, outbox, clock, database.dataSource(), database.settings().isPostgres());
  }

  private static Curriculum loadCurriculum(AppConfig config) {
    return config
        .curriculumDir()
        .map(dir -> Curricula.load(CurriculumSource.directory(dir)).orThrow())
        .orElseGet(Curricula::bundled);
  }

  private static String userName(Map<String, String> env) {
    return Optional.ofNullable(env.get("USER")).filter(name -> !name.isBlank()).orElse("you");
  }

  /** The terminal's locale, such as zh_CN.UTF-8, as the language hint. */
  private static Optional<String> languageHint(Map<String, String> env) {
    return Optional.ofNullable(env.get("LANG"))
        .filter(lang -> !lang.isBlank() && !lang.startsWith("C"));
  }

  private static @Nullable String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
