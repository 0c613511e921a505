package io.studybot.core.schedule;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through the platforms' gateways at their declared rates. A transient failure is
 * retried with exponential backoff; a permanent one stops deliveries to that account and is logged
 * once. An entry is marked sent only after its messages went out.
 */
public final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  static final int MAX_ATTEMPTS = 8;
  private static final int BATCH = 50;

  private final OutboxStore store;
  private final DeliveryPreparer preparer;
  private final ChatGateways gateways;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<Platform, SendPacer> pacers = new EnumMap<>(Platform.class);

  public OutboxSender(
      OutboxStore store,
      DeliveryPreparer preparer,
      ChatGateways gateways,
      Clock clock,
      Sleeper sleeper) {
    this.store = store;
    this.preparer = preparer;
    this.gateways = gateways;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Sends what is due until nothing claimable is left; returns how many entries went out. */
  public int drain() throws InterruptedException {
    int sent = 0;
    List<OutboxEntry> batch = store.claim(clock.instant(), LEASE, BATCH);
    while (!batch.isEmpty()) {
      for (OutboxEntry entry : batch) {
        sent += send(entry) ? 1 : 0;
      }
      batch = store.claim(clock.instant(), LEASE, BATCH);
    }
    return sent;
  }

  private boolean send(OutboxEntry entry) throws InterruptedException {
    Optional<ChatGateway> gateway = gateways.find(entry.chat().platform());
    if (gateway.isEmpty()) {
      // Another instance may serve this platform; ours looks again later.
      store.retryAt(entry.id(), clock.instant().plus(LEASE), "no gateway here", false);
      return false;
    }
    SendPacer pacer =
        pacers.computeIfAbsent(
            entry.chat().platform(), p -> new SendPacer(gateway.get().rateLimits()));
    Duration chatWait = pacer.chatWait(entry.chat(), clock.instant());
    if (!chatWait.isZero()) {
      store.retryAt(entry.id(), clock.instant().plus(chatWait), null, false);
      return false;
    }
    List<Reply> replies;
    try {
      replies = preparer.prepare(entry);
    } catch (RuntimeException e) {
      log.error("Preparing delivery {} failed", entry.id(), e);
      retryOrFail(entry, e.toString());
      return false;
    }
    try {
      for (Reply reply : replies) {
        pace(pacer, reply);
        gateway.get().send(reply.chat(), reply.message());
        pacer.sent(reply.chat(), clock.instant());
      }
    } catch (DeliveryException e) {
      failed(entry, e);
      return false;
    }
    store.markSent(entry.id(), clock.instant());
    return true;
  }

  private void pace(SendPacer pacer, Reply reply) throws InterruptedException {
    Duration wait =
        max(pacer.overallWait(clock.instant()), pacer.chatWait(reply.chat(), clock.instant()));
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  private void failed(OutboxEntry entry, DeliveryException e) {
    if (e.permanent()) {
      log.warn(
          "Delivery {} to {} chat {} refused for good ({}); deliveries there stop",
          entry.id(),
          entry.chat().platform(),
          entry.chat().id(),
          e.getMessage());
      store.markFailed(entry.id(), e.getMessage());
      preparer.stopDeliveries(entry);
    } else {
      retryOrFail(entry, e.getMessage());
    }
  }

  private void retryOrFail(OutboxEntry entry, @Nullable String error) {
    if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
      log.warn("Delivery {} failed {} times; giving up: {}", entry.id(), MAX_ATTEMPTS, error);
      store.markFailed(entry.id(), error);
      return;
    }
    store.retryAt(entry.id(), clock.instant().plus(backoff(entry.attempts())), error, true);
  }

  /** 10 s, 20 s, 40 s … capped at an hour. */
  static Duration backoff(int attempts) {
    long seconds = 10L << Math.min(attempts, 12);
    return Duration.ofSeconds(Math.min(seconds, 3600));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
