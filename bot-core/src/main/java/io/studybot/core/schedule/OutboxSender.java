package io.studybot.core.schedule;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through the platforms' gateways at their declared rates. Claimed deliveries are
 * prepared and their messages queued in {@link ChatLines}, one line per chat: a chat waiting for
 * its gap or a flood wait holds only itself while the other chats' messages go out, and the order
 * within a chat is kept. Sends run on the workers, at most {@code maxInFlight} at once. A transient
 * failure is retried with exponential backoff; a permanent one stops deliveries to that chat and is
 * logged once. An entry is marked sent only after all its messages went out.
 */
public final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  /**
   * How long a claim holds while its messages wait in the lines; renewed every third of it while
   * they do, so a crashed instance's rest goes out within about this long of a restart.
   */
  static final Duration LEASE = Duration.ofSeconds(30);

  private static final Duration RENEW_EVERY = LEASE.dividedBy(3);
  static final int MAX_ATTEMPTS = 8;
  private static final int BATCH = 50;

  /**
   * Messages prepared ahead: about twenty seconds of sending at the fastest platform's rate, enough
   * for a group's quiz (nine seconds of gaps) claimed last to finish with the rest, without
   * preparing everything at once.
   */
  private static final int MIN_BACKLOG = 100;

  private static final int MAX_BACKLOG = 20_000;

  /** How often a long drain looks for newly queued deliveries. */
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

  private final OutboxStore store;
  private final DeliveryPreparer preparer;
  private final ChatGateways gateways;
  private final Clock clock;
  private final SendScope scope;
  private final Executor workers;
  private final int maxInFlight;
  private final Pause pause;
  private final ChatLines lines = new ChatLines();
  private final Map<Platform, SendPacer> pacers = new EnumMap<>(Platform.class);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicBoolean filling = new AtomicBoolean();
  private final Map<Long, SendingEntry> active = new ConcurrentHashMap<>();
  private final int backlog;
  private Instant renewedAt = Instant.EPOCH;
  private volatile boolean more;
  private volatile Instant lookedAt = Instant.EPOCH;
  private volatile DeliveryMetrics metrics = DeliveryMetrics.none();

  /** One thread does everything, waiting by {@code sleeper}: for tests and the console. */
  public OutboxSender(
      OutboxStore store,
      DeliveryPreparer preparer,
      ChatGateways gateways,
      Clock clock,
      Sleeper sleeper) {
    this(
        store,
        preparer,
        gateways,
        clock,
        SendScope.of(gateways.platforms()),
        Runnable::run,
        1,
        Pause.sleeping(sleeper));
  }

  private OutboxSender(
      OutboxStore store,
      DeliveryPreparer preparer,
      ChatGateways gateways,
      Clock clock,
      SendScope scope,
      Executor workers,
      int maxInFlight,
      Pause pause) {
    this.store = store;
    this.preparer = preparer;
    this.gateways = gateways;
    this.clock = clock;
    this.scope = scope;
    this.workers = workers;
    this.maxInFlight = maxInFlight;
    this.pause = pause;
    int fastest = 0;
    for (Platform platform : gateways.platforms()) {
      int perSecond = gateways.find(platform).orElseThrow().rateLimits().messagesPerSecond();
      pacers.put(platform, new SendPacer(perSecond));
      fastest = Math.max(fastest, perSecond);
    }
    this.backlog = (int) Math.max(MIN_BACKLOG, Math.min(MAX_BACKLOG, fastest * 20L));
  }

  /**
   * Sends on {@code workers}, up to {@code maxInFlight} messages at once, for what {@code scope}
   * says.
   */
  public static OutboxSender concurrent(
      OutboxStore store,
      DeliveryPreparer preparer,
      ChatGateways gateways,
      Clock clock,
      SendScope scope,
      Executor workers,
      int maxInFlight) {
    return new OutboxSender(
        store, preparer, gateways, clock, scope, workers, maxInFlight, Pause.wakeable());
  }

  /** Counts sent, failed and retried deliveries in {@code metrics}; call before draining. */
  public OutboxSender withMetrics(DeliveryMetrics metrics) {
    this.metrics = metrics;
    return this;
  }

  /**
   * Sends what is due until nothing claimable is left and every queued message went out; returns
   * how many entries were completed.
   */
  public int drain() throws InterruptedException {
    completed.set(0);
    more = true;
    lookedAt = clock.instant();
    while (true) {
      Instant now = clock.instant();
      if (!filling.get()) {
        if (!more && !now.isBefore(lookedAt.plus(LOOK_AGAIN))) {
          more = true;
        }
        if (more && lines.queued() < backlog) {
          startFill();
          continue;
        }
      }
      renewLeases(now);
      if (inFlight.get() < maxInFlight) {
        Optional<ChatLines.Line> line = lines.take(now);
        if (line.isPresent()) {
          dispatch(line.get(), now);
          continue;
        }
      }
      if (!more && !filling.get() && lines.idle() && inFlight.get() == 0) {
        return completed.get();
      }
      pause.await(nextWait(now));
    }
  }

  /**
   * Claims and prepares the next batch on a worker, so that preparing (a transaction per delivery)
   * never stops the messages already queued from going out.
   */
  private void startFill() {
    filling.set(true);
    workers.execute(
        () -> {
          try {
            Instant now = clock.instant();
            more = fill(now);
            lookedAt = now;
          } catch (RuntimeException e) {
            log.error("Claiming deliveries failed; trying again shortly", e);
            more = false;
            lookedAt = clock.instant();
          } finally {
            filling.set(false);
            pause.wake();
          }
        });
  }

  private void renewLeases(Instant now) {
    if (now.isBefore(renewedAt.plus(RENEW_EVERY)) || active.isEmpty()) {
      return;
    }
    renewedAt = now;
    store.renew(List.copyOf(active.keySet()), now.plus(LEASE));
  }

  /**
   * Puts back what was claimed but not sent, for whoever drains next (this instance after a
   * restart, or another one) to take at once instead of after the lease.
   */
  public void release() {
    Instant now = clock.instant();
    for (SendingEntry entry : List.copyOf(active.values())) {
      if (letGo(entry)) {
        store.retryAt(entry.entry().id(), now, "put back at shutdown", false);
      }
    }
  }

  /** Until a line is ready, at most until the next look at the outbox; a finished send wakes. */
  private Duration nextWait(Instant now) {
    Duration untilReady = lines.untilReady(now).orElse(LOOK_AGAIN);
    return untilReady.compareTo(LOOK_AGAIN) < 0 ? untilReady : LOOK_AGAIN;
  }

  /** Claims a batch and queues its messages; true when the outbox may hold more. */
  /**
   * Claims a batch and queues its messages; true when the outbox may hold more. Different chats'
   * deliveries are prepared side by side on the workers, one chat's in claim order, so their
   * messages join the chat's line in that order.
   */
  private boolean fill(Instant now) {
    List<OutboxEntry> batch = store.claim(now, LEASE, BATCH, scope);
    Map<String, List<OutboxEntry>> byChat = new LinkedHashMap<>();
    for (OutboxEntry entry : batch) {
      byChat.computeIfAbsent(entry.chat().limitKey(), chat -> new ArrayList<>()).add(entry);
    }
    CompletableFuture<?>[] prepared =
        byChat.values().stream()
            .map(
                entries ->
                    CompletableFuture.runAsync(
                        () -> entries.forEach(entry -> queue(entry, now)), workers))
            .toArray(CompletableFuture<?>[]::new);
    CompletableFuture.allOf(prepared).join();
    return batch.size() == BATCH;
  }

  private void queue(OutboxEntry entry, Instant now) {
    Optional<ChatGateway> gateway = gateways.find(entry.chat().platform());
    if (gateway.isEmpty()) {
      // Outside this instance's scope after all; whoever serves it takes it after the lease.
      store.retryAt(entry.id(), now.plus(LEASE), "no gateway here", false);
      return;
    }
    List<Reply> replies;
    try {
      replies = preparer.prepare(entry);
    } catch (RuntimeException e) {
      log.error("Preparing delivery {} failed", entry.id(), e);
      retryOrFail(entry, e.toString());
      return;
    }
    if (replies.isEmpty()) {
      store.markSent(entry.id(), now);
      metrics.sent(entry);
      completed.incrementAndGet();
      return;
    }
    SendingEntry sending = new SendingEntry(entry, replies.size());
    active.put(entry.id(), sending);
    for (Reply reply : replies) {
      Duration gap = gateway.get().rateLimits().gapFor(reply.chat());
      lines.add(new ChatLines.Queued(sending, reply), gap, now);
    }
  }

  /** Hands the line's first message to a worker, unless the platform's overall rate says wait. */
  private void dispatch(ChatLines.Line line, Instant now) {
    ChatLines.Queued head = lines.head(line);
    Platform platform = head.reply().chat().platform();
    SendPacer pacer = pacers.get(platform);
    Duration wait = pacer == null ? Duration.ZERO : pacer.overallWait(now);
    if (!wait.isZero()) {
      lines.holdUntil(line, now.plus(wait));
      return;
    }
    if (pacer != null) {
      pacer.sent(now);
    }
    inFlight.incrementAndGet();
    workers.execute(() -> sendHead(line, head, pacer, now));
  }

  private void sendHead(
      ChatLines.Line line, ChatLines.Queued head, @Nullable SendPacer pacer, Instant handedOut) {
    try {
      if (pacer != null) {
        pacer.leaves(handedOut, clock.instant());
      }
      Reply reply = head.reply();
      Optional<ChatGateway> gateway = gateways.find(reply.chat().platform());
      try {
        gateway.orElseThrow().send(reply.chat(), reply.message());
      } catch (DeliveryException e) {
        failed(line, head.entry(), e);
        return;
      } catch (RuntimeException e) {
        log.error("Sending delivery {} failed", head.entry().entry().id(), e);
        lines.drop(line, head.entry());
        abandon(head.entry(), e.toString());
        return;
      }
      Instant at = clock.instant();
      lines.sent(line, at);
      if (head.entry().messageSent()) {
        active.remove(head.entry().entry().id());
        store.markSent(head.entry().entry().id(), at);
        metrics.sent(head.entry().entry());
        completed.incrementAndGet();
      }
    } finally {
      inFlight.decrementAndGet();
      pause.wake();
    }
  }

  private void failed(ChatLines.Line line, SendingEntry entry, DeliveryException e) {
    Instant now = clock.instant();
    if (e.retryAfter().isPresent()) {
      log.debug("Flood wait of {} for chat {}", e.retryAfter().get(), line.chat());
      lines.holdUntil(line, now.plus(e.retryAfter().get()));
    } else if (e.movedTo().isPresent()) {
      moved(line, entry, e.movedTo().get(), now);
    } else if (e.permanent()) {
      refused(line, entry, e);
    } else {
      lines.drop(line, entry);
      abandon(entry, e.getMessage());
    }
  }

  /** The chat has a new id: its queued deliveries move with it and go out again at once. */
  private void moved(ChatLines.Line line, SendingEntry entry, String newChatId, Instant now) {
    Set<SendingEntry> dropped = lines.dropAll(line);
    log.info("Chat {} moved to {}; its deliveries follow", line.chat(), newChatId);
    preparer.chatMoved(entry.entry(), newChatId);
    for (SendingEntry each : dropped) {
      if (letGo(each)) {
        store.retryAt(each.entry().id(), now, "chat moved", false);
      }
    }
  }

  private void refused(ChatLines.Line line, SendingEntry entry, DeliveryException e) {
    Set<SendingEntry> dropped = lines.dropAll(line);
    OutboxEntry first = entry.entry();
    log.warn(
        "Delivery {} to {} chat {} refused for good ({}); deliveries there stop",
        first.id(),
        first.chat().platform(),
        first.chat().id(),
        e.getMessage());
    for (SendingEntry each : dropped) {
      if (letGo(each)) {
        store.markFailed(each.entry().id(), e.getMessage());
        metrics.failed(each.entry());
      }
    }
    preparer.stopDeliveries(first);
  }

  private void abandon(SendingEntry entry, @Nullable String error) {
    if (letGo(entry)) {
      retryOrFail(entry.entry(), error);
    }
  }

  /**
   * Gives up sending the rest of an entry this time; true only for the first caller, who then
   * decides what becomes of its row.
   */
  private boolean letGo(SendingEntry entry) {
    if (!entry.abandon()) {
      return false;
    }
    active.remove(entry.entry().id());
    return true;
  }

  private void retryOrFail(OutboxEntry entry, @Nullable String error) {
    if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
      log.warn("Delivery {} failed {} times; giving up: {}", entry.id(), MAX_ATTEMPTS, error);
      store.markFailed(entry.id(), error);
      metrics.failed(entry);
      return;
    }
    store.retryAt(entry.id(), clock.instant().plus(backoff(entry.attempts())), error, true);
    metrics.retried(entry);
  }

  /** 10 s, 20 s, 40 s … capped at an hour. */
  static Duration backoff(int attempts) {
    long seconds = 10L << Math.min(attempts, 12);
    return Duration.ofSeconds(Math.min(seconds, 3600));
  }
}
