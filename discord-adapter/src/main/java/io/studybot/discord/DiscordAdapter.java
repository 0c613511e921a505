package io.studybot.discord;

import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatLifecycle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.ContextException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot, running: connects with the token (one session, or a range of shards), registers
 * the slash commands once ready, and hands interactions to the core. {@link #close()} disconnects
 * and lets the work in hand finish.
 */
public final class DiscordAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Discord gives three seconds to answer; deferring sooner leaves room for the round trip. */
  static final Duration DEFER_AFTER = Duration.ofSeconds(2);

  private static final int WORKERS = 8;

  /**
   * No privileged intent: slash commands and buttons arrive as interactions, which need none, and
   * JDA always adds GUILDS, which brings servers, their channels and threads, the bot's own
   * permission overrides, and the events of leaving a server, deleting a channel and archiving a
   * thread. Direct messages (not privileged, and their text comes with them) carry what the learner
   * types when the bot asks, such as a time zone.
   */
  private static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.DIRECT_MESSAGES);

  private final DiscordConnection connection;
  private final JdaChatGateway gateway;
  private final ShardRange shards;
  private final ExecutorService workers;
  private final ScheduledExecutorService deadlines;

  private DiscordAdapter(
      DiscordConnection connection,
      JdaChatGateway gateway,
      ShardRange shards,
      ExecutorService workers,
      ScheduledExecutorService deadlines) {
    this.connection = connection;
    this.gateway = gateway;
    this.shards = shards;
    this.workers = workers;
    this.deadlines = deadlines;
  }

  /**
   * Connects to Discord and starts serving: interactions go to {@code bot}, servers left and
   * channels deleted or archived to {@code lifecycle}, timed deliveries through {@link #gateway()}.
   *
   * @throws IllegalArgumentException when Discord refuses the token (the message never holds it)
   * @throws IllegalStateException when Discord cannot be reached
   */
  public static DiscordAdapter start(
      DiscordSettings settings, ChatHandler bot, ChatLifecycle lifecycle) {
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemons("discord-worker"));
    ScheduledExecutorService deadlines =
        Executors.newSingleThreadScheduledExecutor(daemons("discord-deadline"));
    Watchdog watchdog = Watchdog.after(DEFER_AFTER, Watchdog.Timer.on(deadlines));
    CommandRegistrar registrar = new CommandRegistrar(settings.guildId());
    DiscordConnection connection;
    try {
      connection = connect(settings, registrar);
    } catch (InvalidTokenException e) {
      workers.shutdown();
      deadlines.shutdown();
      throw new IllegalArgumentException("Discord does not accept this token");
    } catch (RuntimeException e) {
      // JDA checks the token over REST before it returns; without a network that fails here.
      workers.shutdown();
      deadlines.shutdown();
      throw new IllegalStateException("cannot reach Discord: " + rootMessage(e), e);
    }
    ShardRange shards = settings.shardRange();
    JdaChatGateway gateway = new JdaChatGateway(connection, shards);
    // Interactions come only once the session is up, well after build() returns; none is missed.
    connection.listen(new DiscordInteractionListener(bot, gateway, workers, watchdog));
    connection.listen(new DiscordLifecycleListener(lifecycle, workers));
    log.info("Discord adapter started with {}", settings);
    return new DiscordAdapter(connection, gateway, shards, workers, deadlines);
  }

  private static DiscordConnection connect(DiscordSettings settings, Object registrar) {
    RestConfig rest = new RestConfig().setBaseUrl(settings.apiUrl().toString());
    if (settings.shards().isPresent()) {
      ShardRange range = settings.shards().get();
      ShardManager shards =
          DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
              .setShardsTotal(range.total())
              .setShards(range.first(), range.last())
              .setRestConfig(rest)
              .setCompression(compression(settings))
              .setEnableShutdownHook(false)
              .addEventListeners(registrar)
              .build();
      return DiscordConnection.of(shards, range.ids());
    }
    // The app's shutdown closes the adapter; JDA's own hook would disconnect under work in hand.
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), INTENTS)
            .setRestConfig(rest)
            .setCompression(compression(settings))
            .setEnableShutdownHook(false)
            .addEventListeners(registrar);
    if (!settings.usesDiscord()) {
      builder.setSessionController(new RestGatewayController(settings.apiUrl(), settings.token()));
    }
    return DiscordConnection.of(builder.build());
  }

  /**
   * Discord's gateway gets zlib-stream, which saves most of its bandwidth; another REST base (a
   * local fake Discord) speaks plain JSON text frames, which JDA reads only with compression off.
   */
  private static Compression compression(DiscordSettings settings) {
    return settings.usesDiscord() ? Compression.ZLIB : Compression.NONE;
  }

  public JdaChatGateway gateway() {
    return gateway;
  }

  /**
   * The shards this instance runs: only it should post to the servers they serve, and only shard
   * 0's instance should send direct messages (for the outbox's claim).
   */
  public ShardRange shards() {
    return shards;
  }

  /**
   * Empty while every session (every shard this instance runs) is connected to Discord's gateway;
   * else which are not, in one line.
   */
  public Optional<String> connectionProblem() {
    List<String> down = connection.notConnected();
    return down.isEmpty()
        ? Optional.empty()
        : Optional.of("not connected: " + String.join(", ", down));
  }

  /**
   * Stops taking interactions, lets those in hand finish (up to ten seconds), then disconnects: the
   * answers still in flight need the connection.
   */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("Discord work still running at shutdown was abandoned");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
    deadlines.shutdownNow();
    log.info("Discord adapter stopped");
  }

  /** The deepest cause that says what went wrong; JDA appends a bare call-site marker below it. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && !(root.getCause() instanceof ContextException)) {
      root = root.getCause();
    }
    return root.toString();
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
