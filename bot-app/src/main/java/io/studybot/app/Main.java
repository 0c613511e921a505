package io.studybot.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.studybot.content.ContentCommand;
import io.studybot.content.Curricula;
import io.studybot.content.Curriculum;
import io.studybot.content.CurriculumSource;
import io.studybot.content.InvalidCurriculumException;
import io.studybot.content.LoadedCurriculum;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.Platform;
import io.studybot.core.conversation.FloodGate;
import io.studybot.core.conversation.LiveCurriculum;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.inbox.InboxLoop;
import io.studybot.core.persistence.BenchmarkDatabase;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseProbe;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.JdbcInboxStore;
import io.studybot.core.persistence.JdbcOutboxStore;
import io.studybot.core.persistence.QuartzJobStore;
import io.studybot.core.persistence.StorageWatch;
import io.studybot.core.review.FsrsParameters;
import io.studybot.core.schedule.DeliveryJobs;
import io.studybot.core.schedule.DeliveryMetrics;
import io.studybot.core.schedule.Dispatcher;
import io.studybot.core.schedule.OutboxGauges;
import io.studybot.core.schedule.OutboxSender;
import io.studybot.core.schedule.SendLoop;
import io.studybot.core.schedule.SendScope;
import io.studybot.discord.DiscordAdapter;
import io.studybot.discord.DiscordSettings;
import io.studybot.discord.ShardRange;
import io.studybot.telegram.TelegramAdapter;
import io.studybot.telegram.TelegramSettings;
import io.studybot.telegram.TelegramStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts StudyBot: {@code studybot} runs the bot, {@code studybot content lint|coverage [DIR]}
 * checks a curriculum. Exit codes: 0 done, 1 a check failed, 2 a bad setting or usage.
 */
public final class Main {
  static final int BAD_SETTING = StartupFailure.BAD_SETTING;

  /** Sends in flight at once: enough to keep a platform's rate with ~100 ms per call. */
  static final int SEND_WORKERS = 16;

  /** Commands and messages a user may send a minute before the bot asks them to slow down. */
  private static final int COMMANDS_PER_MINUTE = 20;

  /** Written at start to see that the data folder has room. */
  private static final int WRITE_CHECK_BYTES = 256 * 1024;

  /** How often the embedded database is checked for a write it could not make. */
  private static final Duration STORAGE_CHECK = Duration.ofSeconds(1);

  /** Stored updates handled at once, each from a different chat. */
  private static final int INBOX_WORKERS = 8;

  /** Threads beyond the sends in flight, for claiming and preparing deliveries side by side. */
  static final int PREPARERS = 4;

  /** How long the sender rests when the outbox is empty. */
  private static final Duration SEND_REST = Duration.ofSeconds(1);

  /** How long /health waits for the database's answer to {@code select 1}. */
  private static final Duration DATABASE_CHECK_TIMEOUT = Duration.ofSeconds(2);

  private static final long FUZZ_SEED = 0x5747_4459_424f_5400L;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // pictures are drawn, never shown
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /** Runs a command line; every failure to start ends here, as one line and an exit code. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      return dispatch(args, env, out, err);
    } catch (ConfigException e) {
      err.println("studybot: " + e.getMessage());
      return BAD_SETTING;
    } catch (StartupFailure e) {
      if (e.getCause() != null) {
        log().error(LogSetup.FILE_ONLY, "Start-up failed: {}", e.getMessage(), e.getCause());
      }
      err.println("studybot: " + e.getMessage());
      return e.exitCode();
    }
  }

  private static int dispatch(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (!args.isEmpty() && args.get(0).equals("content")) {
      return new ContentCommand(out, err).run(args.subList(1, args.size()));
    }
    if (args.size() >= 2 && args.get(0).equals("bench")) {
      return bench(args.get(1), args.subList(2, args.size()), env, out);
    }
    if (!args.isEmpty()) {
      err.println(
          "usage: studybot | studybot content lint [DIR] | studybot content coverage [DIR]"
              + " | studybot bench dispatch [--learners N]"
              + " | studybot bench send [--rate N] [--learners N] [--groups N]"
              + " | studybot bench answers [--seconds N] [--learners N] [--threads N] [--connections N]");
      return BAD_SETTING;
    }
    AppConfig config = AppConfig.from(env);
    rejectMissingAdapters(config);
    // Logs go to a file under the data folder, so the console chat owns the terminal.
    System.setProperty("studybot.dataDir", config.dataDir().toAbsolutePath().toString());
    return serve(config, env, out);
  }

  private static int bench(
      String which, List<String> args, Map<String, String> env, PrintStream out) {
    AppConfig config = AppConfig.from(env);
    System.setProperty("studybot.dataDir", config.dataDir().toAbsolutePath().toString());
    try {
      return switch (which) {
        case "dispatch" -> benchDispatch(args, config, out);
        case "send" -> benchSend(args, config, out);
        case "answers" -> benchAnswers(args, config, out);
        default ->
            throw new ConfigException("bench: unknown benchmark; try dispatch, send or answers");
      };
    } catch (IllegalStateException e) {
      throw new StartupFailure(StartupFailure.FAILED, String.valueOf(e.getMessage()), e);
    }
  }

  private static int benchDispatch(List<String> args, AppConfig config, PrintStream out) {
    if (!config.database().isPostgres()) {
      throw new ConfigException("STUDYBOT_DB_URL: the dispatch benchmark needs a PostgreSQL URL");
    }
    return new DispatchBenchmark(out).run(args, config.database());
  }

  private static int benchAnswers(List<String> args, AppConfig config, PrintStream out) {
    if (!config.database().isPostgres()) {
      throw new ConfigException("STUDYBOT_DB_URL: the answers benchmark needs a PostgreSQL URL");
    }
    return new AnswerBenchmark(out).run(args, config.database(), loadCurriculum(config));
  }

  /** On PostgreSQL in a scratch schema, else in a fresh in-memory H2 database. */
  private static int benchSend(List<String> args, AppConfig config, PrintStream out) {
    DatabaseSettings base = config.database();
    String schema = "bench_" + System.currentTimeMillis();
    DatabaseSettings settings =
        base.isPostgres()
            ? BenchmarkDatabase.createScratchSchema(base, schema)
            : new DatabaseSettings("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
    try {
      return new SendBenchmark(out).run(args, settings, loadCurriculum(config));
    } catch (IOException e) {
      throw new StartupFailure(StartupFailure.FAILED, "bench send: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StartupFailure.FAILED;
    } finally {
      if (base.isPostgres()) {
        BenchmarkDatabase.dropScratchSchema(base, schema);
      }
    }
  }

  private static void rejectMissingAdapters(AppConfig config) {
    if (!config.console() && config.discordToken().isEmpty() && config.telegramToken().isEmpty()) {
      throw new ConfigException(
          "STUDYBOT_CONSOLE: false, but no platform token is set; set TELEGRAM_BOT_TOKEN or DISCORD_BOT_TOKEN");
    }
  }

  /**
   * The composition root: one clock, one meter registry, one database, one bot, the adapters and
   * the jobs. What started is closed, newest first, by the shutdown hook, or at once when start-up
   * fails.
   */
  private static int serve(AppConfig config, Map<String, String> env, PrintStream out) {
    Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    try {
      return serve(config, env, out, running);
    } catch (RuntimeException e) {
      closeAll(running);
      throw e;
    }
  }

  @SuppressWarnings("SystemConsoleNull") // on Java 17 a null console means no terminal
  private static int serve(
      AppConfig config, Map<String, String> env, PrintStream out, Deque<AutoCloseable> running) {
    StartupTimes times = new StartupTimes();
    // Logging starts here, on this thread: threads that log while it starts would have their
    // lines replayed, with a warning from SLF4J on stderr.
    log().debug("Starting");
    Health health = new Health();
    health.starting("database");
    // Bound first: a taken port stops start-up before anything else happens.
    Optional<OpsServer> ops = config.httpPort().map(port -> OpsServer.start(port, health));
    ops.ifPresent(running::push);
    // The curriculum and the meters (Micrometer takes a few hundred ms to load) come beside the
    // database, the longest part of start-up.
    Beside<AppMetrics> metering =
        Beside.start("metrics", ops.isPresent() ? AppMetrics::create : AppMetrics::unserved);
    Beside<Curriculum> loading =
        Beside.start("curriculum", () -> times.time("curriculum", () -> loadCurriculum(config)));
    Database database = openBeside(config, loading, times);
    // One hook, so the jobs stop before the database they use closes.
    running.push(database);
    Curriculum curriculum = loading.join();
    AppMetrics metrics = metering.join();
    running.push(metrics);
    MeterRegistry registry = metrics.registry();
    database.bindMetrics(registry);
    ops.ifPresent(server -> metrics.served().ifPresent(server::serveMetrics));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running), "studybot-shutdown"));
    log().info("StudyBot started with {}", config);
    Clock clock = Clock.systemUTC();
    watch(database, health, metrics, clock, running);
    if (!database.sharedByInstances()) {
      running.push(StorageWatch.start(database, STORAGE_CHECK, Main::stopOnBrokenStorage));
    }
    StudyRules rules = studyRules(config);
    // The bot is the only holder of the course; /admin reload swaps it there for every turn.
    LiveCurriculum course = new LiveCurriculum(curriculum, () -> readCurriculum(config));
    HibernateStudyStore store = new HibernateStudyStore(database);
    store.bindMetrics(registry);
    StudyBot bot = new StudyBot(store, course, rules, clock, config.admins(), registry);
    if (config.discord().isPresent() || config.telegram().isPresent()) {
      return servePlatforms(config, database, bot, rules, clock, running, health, registry, out);
    }
    ConsoleChat console = new ConsoleChat(out, userName(env), languageHint(env), config.dataDir());
    log()
        .info(
            "Start-up: {} (side by side); the prompt follows {}",
            times.phases("curriculum", "database"),
            times.elapsed());
    // Nothing is due in the first seconds, so the jobs start while the learner reads the prompt.
    running.push(
        LateStart.begin(
            "delivery-start",
            started -> {
              startScheduler(
                  config, database, bot, rules, ChatGateways.of(console), clock, registry, started);
              log().info("Delivery jobs started {}", times.elapsed());
              HeapTrim.afterStartUp();
            },
            Main::stopAfterLateFailure));
    try {
      console.run(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          bot,
          System.console() != null);
    } catch (IOException e) {
      throw new StartupFailure(StartupFailure.FAILED, "reading the console failed", e);
    }
    log().info("End of input; StudyBot stops");
    return 0;
  }

  /**
   * The embedded database could not write its file and closed: nothing more could be stored, so the
   * bot stops rather than answer everyone with an apology.
   */
  private static void stopOnBrokenStorage(Throwable failure) {
    stopAfterLateFailure(
        new StartupFailure(
            StartupFailure.FAILED,
            "STUDYBOT_DATA_DIR: the embedded database can no longer write its file (disk full or"
                + " read-only?); free space or fix the folder's permissions, then start again",
            failure));
  }

  /** A start-up step after the prompt failed: the process stops as if it had failed before. */
  private static void stopAfterLateFailure(StartupFailure failure) {
    log()
        .error(LogSetup.FILE_ONLY, "Start-up failed: {}", failure.getMessage(), failure.getCause());
    System.err.println("studybot: " + failure.getMessage());
    System.exit(failure.exitCode());
  }

  /**
   * The database's health check, and the gauges that read it: outbox depth and dispatch lag (one
   * query), and the inbox depth.
   */
  private static void watch(
      Database database,
      Health health,
      AppMetrics metrics,
      Clock clock,
      Deque<AutoCloseable> running) {
    DatabaseProbe probe = new DatabaseProbe(database, DATABASE_CHECK_TIMEOUT);
    running.push(probe);
    health.check("database", probe::problem);
    JdbcOutboxStore outbox = new JdbcOutboxStore(database);
    OutboxGauges.register(
        metrics.registry(),
        () -> outbox.backlog(clock.instant()),
        clock,
        AppMetrics.GAUGE_FRESHNESS);
    metrics.inboxDepth(inboxDepth(database), clock);
  }

  /**
   * Updates stored in the inbox and not handled yet, for the {@code studybot_inbox_pending} gauge.
   */
  private static LongSupplier inboxDepth(Database database) {
    return new JdbcInboxStore(database)::depth;
  }

  /** Opens the database; when both fail, the curriculum's problem is the one reported. */
  private static Database openBeside(
      AppConfig config, Beside<Curriculum> loading, StartupTimes times) {
    try {
      return times.time("database", () -> openDatabase(config));
    } catch (RuntimeException e) {
      loading.join();
      throw e;
    }
  }

  private static Curriculum loadCurriculum(AppConfig config) {
    try {
      return readCurriculum(config).orThrow();
    } catch (InvalidCurriculumException e) {
      throw StartupFailure.badSetting(
          "STUDYBOT_CURRICULUM_DIR: the curriculum has problems; run `content lint` on it");
    }
  }

  /** The curriculum as its source holds it now, with its problems: at start and on a reload. */
  private static LoadedCurriculum readCurriculum(AppConfig config) {
    return config
        .curriculumDir()
        .map(dir -> Curricula.load(CurriculumSource.directory(dir)))
        .orElseGet(Curricula::loadBundled);
  }

  private static Database openDatabase(AppConfig config) {
    if (!config.database().isPostgres()) {
      requireWritable(config.dataDir());
    }
    try {
      return Database.open(config.database());
    } catch (RuntimeException e) {
      if (!config.database().isPostgres()) {
        throw new StartupFailure(StartupFailure.FAILED, embeddedProblem(config, e), e);
      }
      throw new StartupFailure(
          BAD_SETTING,
          "cannot open the database "
              + config.database().describe()
              + " (check STUDYBOT_DB_URL, STUDYBOT_DB_USER, STUDYBOT_DB_PASSWORD): "
              + rootMessage(e),
          e);
    }
  }

  /** What to check when the embedded database in the data folder does not open. */
  private static String embeddedProblem(AppConfig config, RuntimeException e) {
    String root = rootMessage(e);
    if (root.contains("already in use") || root.contains("locked")) {
      return "STUDYBOT_DATA_DIR: the embedded database in "
          + config.dataDir()
          + " is in use by another StudyBot; stop it, or give this one its own STUDYBOT_DATA_DIR";
    }
    return "STUDYBOT_DATA_DIR: the embedded database in "
        + config.dataDir()
        + " cannot be opened: "
        + root;
  }

  /**
   * The embedded database must be able to write, or every change would fail after start-up: a
   * read-only or full data folder stops the start instead.
   */
  private static void requireWritable(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
      try {
        // An empty file fits on a full disk; a few pages of the database's size must fit too.
        Files.write(probe, new byte[WRITE_CHECK_BYTES]);
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | SecurityException e) {
      throw new StartupFailure(
          StartupFailure.FAILED,
          "STUDYBOT_DATA_DIR: the data folder cannot be written (read-only, full, or not a"
              + " folder); check its permissions and free space",
          e);
    }
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
      StudyRules rules,
      Clock clock,
      Deque<AutoCloseable> running,
      Health health,
      MeterRegistry registry,
      PrintStream out) {
    List<RunningAdapter> adapters = new ArrayList<>();
    ChatHandler gated = new FloodGate(bot, clock, COMMANDS_PER_MINUTE, registry);
    config
        .discord()
        .ifPresent(
            settings -> {
              health.starting("discord");
              keep(startDiscord(settings, gated, bot), adapters, running, health);
            });
    config
        .telegram()
        .ifPresent(
            settings -> {
              health.starting("telegram");
              keep(startTelegram(settings, gated, bot, database, clock), adapters, running, health);
            });
    List<ChatGateway> gateways = adapters.stream().map(RunningAdapter::gateway).toList();
    startScheduler(
        config, database, bot, rules, ChatGateways.of(gateways), clock, registry, running);
    HeapTrim.afterStartUp();
    out.println(
        "StudyBot is serving "
            + String.join(" and ", adapters.stream().map(RunningAdapter::platform).toList())
            + ". Logs: "
            + config.dataDir().resolve("studybot.log")
            + opsLine(running)
            + ". Stop it with Ctrl-C or SIGTERM.");
    out.flush();
    try {
      new CountDownLatch(1).await(); // the JVM ends once the shutdown hook has closed everything
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Where health and metrics are served, for the line that says the bot is serving. */
  private static String opsLine(Deque<AutoCloseable> running) {
    return running.stream()
        .filter(OpsServer.class::isInstance)
        .map(ops -> ". Health and metrics: port " + ((OpsServer) ops).port())
        .findFirst()
        .orElse("");
  }

  /**
   * An adapter serving a platform, its gateway for timed deliveries, and whether it is connected
   * (empty) or what is wrong.
   */
  private record RunningAdapter(
      String platform,
      AutoCloseable adapter,
      ChatGateway gateway,
      Supplier<Optional<String>> connectionProblem) {}

  /** Closed on shutdown from now on, even if a later adapter fails to start; checked by /health. */
  private static void keep(
      RunningAdapter adapter,
      List<RunningAdapter> adapters,
      Deque<AutoCloseable> running,
      Health health) {
    running.push(adapter.adapter());
    adapters.add(adapter);
    health.check(adapter.platform().toLowerCase(Locale.ROOT), adapter.connectionProblem());
  }

  private static RunningAdapter startDiscord(
      DiscordSettings settings, ChatHandler handler, ChatLifecycle bot) {
    try {
      DiscordAdapter discord = DiscordAdapter.start(settings, handler, bot);
      return new RunningAdapter("Discord", discord, discord.gateway(), discord::connectionProblem);
    } catch (IllegalArgumentException e) {
      throw StartupFailure.badSetting("DISCORD_BOT_TOKEN: " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new StartupFailure(StartupFailure.FAILED, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Telegram redelivers what it was not told arrived: its updates go through the inbox. The inbox
   * closes before the adapter, so updates in hand can still be answered.
   */
  private static RunningAdapter startTelegram(
      TelegramSettings settings,
      ChatHandler handler,
      ChatLifecycle bot,
      Database database,
      Clock clock) {
    InboxLoop inbox = InboxLoop.start(new JdbcInboxStore(database), clock, INBOX_WORKERS);
    try {
      TelegramAdapter telegram = TelegramAdapter.start(settings, handler, bot, inbox);
      AutoCloseable both =
          () -> {
            try (telegram) {
              inbox.close();
            }
          };
      return new RunningAdapter("Telegram", both, telegram.gateway(), telegram::connectionProblem);
    } catch (TelegramStartException e) {
      inbox.close();
      throw new StartupFailure(StartupFailure.FAILED, e.setting() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      inbox.close();
      throw new StartupFailure(
          StartupFailure.FAILED,
          "TELEGRAM_BOT_TOKEN: the Telegram adapter could not start: " + rootMessage(e),
          e);
    }
  }

  /**
   * The dispatch tick and the clean-up on Quartz (clustered on PostgreSQL), and this instance's own
   * sender for the platforms (and Discord shards) it serves.
   */
  private static void startScheduler(
      AppConfig config,
      Database database,
      StudyBot bot,
      StudyRules rules,
      ChatGateways gateways,
      Clock clock,
      MeterRegistry registry,
      Deque<AutoCloseable> running) {
    if (!config.scheduler()) {
      return;
    }
    JdbcOutboxStore outbox = new JdbcOutboxStore(database);
    Dispatcher dispatcher =
        new Dispatcher(new JdbcDispatchStore(database), clock, rules.silenceLimit());
    ExecutorService workers =
        Executors.newFixedThreadPool(SEND_WORKERS + PREPARERS, daemonThreads("sender"));
    OutboxSender sender =
        OutboxSender.concurrent(
                outbox, bot, gateways, clock, sendScope(config, gateways), workers, SEND_WORKERS)
            .withMetrics(new DeliveryMetrics(registry));
    running.push(SendLoop.start(sender, workers, SEND_REST));
    try {
      running.push(
          DeliveryJobs.start(
              dispatcher, outbox, clock, QuartzJobStore.of(database), config.dispatchSeconds()));
    } catch (SchedulerException e) {
      throw new StartupFailure(
          StartupFailure.FAILED, "cannot start the delivery scheduler: " + e.getMessage(), e);
    }
  }

  /** What this instance sends: its platforms, and of Discord only its shards' servers. */
  private static SendScope sendScope(AppConfig config, ChatGateways gateways) {
    SendScope scope = SendScope.of(gateways.platforms());
    Optional<ShardRange> shards = config.discord().flatMap(DiscordSettings::shards);
    if (shards.isPresent()) {
      ShardRange range = shards.get();
      scope =
          scope.withShards(
              Platform.DISCORD, new SendScope.Shards(range.first(), range.last(), range.total()));
    }
    return scope;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Review intervals get FSRS's fuzz, so cards answered together do not all return together. */
  private static StudyRules studyRules(AppConfig config) {
    return StudyRules.DEFAULT
        .withQuestionsPerQuiz(config.questionsPerQuiz())
        .withReviewsPerDay(config.reviewsPerDay())
        .withMaxFrozenDays(config.maxPauseDays())
        .withFsrs(FsrsParameters.defaults().withFuzz(FUZZ_SEED));
  }

  static void closeAll(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        log().warn("Closing on shutdown failed", e);
      }
    }
  }

  /** Looked up late: logging is configured from the data folder, known only once it is read. */
  private static Logger log() {
    return LoggerFactory.getLogger(Main.class);
  }

  /** The operating system's name for the person at the terminal. */
  private static String userName(Map<String, String> env) {
    return Optional.ofNullable(env.get("USER"))
        .or(() -> Optional.ofNullable(env.get("LOGNAME")))
        .or(() -> Optional.ofNullable(System.getProperty("user.name")))
        .filter(name -> !name.isBlank())
        .orElse("learner");
  }

  /** The terminal's locale, such as zh_CN.UTF-8, as the language hint. */
  private static Optional<String> languageHint(Map<String, String> env) {
    return Optional.ofNullable(env.get("LANG"))
        .filter(lang -> !lang.isBlank() && !lang.startsWith("C"));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      root = cause;
    }
    return String.valueOf(root.getMessage());
  }
}
