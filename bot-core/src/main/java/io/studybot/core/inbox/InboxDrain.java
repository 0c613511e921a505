package io.studybot.core.inbox;

import io.studybot.core.chat.Platform;
import io.studybot.core.chat.ShowLaterException;
import io.studybot.core.chat.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what platforms deliver and handles it from the table: claims the oldest open update of
 * each lane, hands it to its platform's handler on a worker, and marks it done once its replies are
 * shown. One lane's backlog holds at most one worker, so other chats are answered meanwhile. An
 * update the database could not take is held and tried again; claims are leased, so the updates of
 * an instance that died are taken over when its leases run out.
 */
public final class InboxDrain implements Inbox {
  private static final Logger log = LoggerFactory.getLogger(InboxDrain.class);

  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration RENEW_EVERY = Duration.ofSeconds(10);
  static final Duration FIRST_RETRY = Duration.ofMillis(500);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(4);

  /** Telegram keeps an unconfirmed update for a day; a redelivery comes within that. */
  static final Duration KEEP_DONE = Duration.ofHours(25);

  static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  /** Claims of an update whose replies the platform did not take before it is given up. */
  static final int MAX_SHOW_ATTEMPTS = 5;

  static final Duration SHOW_RETRY = Duration.ofSeconds(2);

  private final InboxStore store;
  private final Map<Platform, InboxHandler> handlers = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Executor workers;
  private final int capacity;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final Queue<Held> held = new ConcurrentLinkedQueue<>();
  private final Queue<Long> unfinished = new ConcurrentLinkedQueue<>();
  private final Runnable wake;
  private Instant nextRenew = Instant.MIN;
  private Instant nextPurge = Instant.MIN;

  /** An update waiting for the database to come back, with its lease kept. */
  private record Held(StoredUpdate update, Instant notBefore, Duration lastWait) {}

  /**
   * @param capacity updates handled at once, at most one per lane
   * @param wake called when there may be work: a new update stored, a worker free
   */
  public InboxDrain(InboxStore store, Clock clock, Executor workers, int capacity, Runnable wake) {
    this.store = store;
    this.clock = clock;
    this.workers = workers;
    this.capacity = capacity;
    this.wake = wake;
  }

  @Override
  public void serve(Platform platform, InboxHandler handler) {
    handlers.put(platform, handler);
    wake.run();
  }

  @Override
  public void accept(List<InboxUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    store.add(updates, clock.instant());
    wake.run();
  }

  /**
   * One round: keeps leases and the table tidy, finishes what could not be marked done, and hands
   * held updates whose wait is over and newly claimed ones to the workers.
   */
  public void drainOnce() {
    Instant now = clock.instant();
    renewIfDue(now);
    purgeIfDue(now);
    finishUnfinished(now);
    resubmitHeld(now);
    int free = capacity - inFlight.size();
    if (free <= 0 || handlers.isEmpty()) {
      return;
    }
    List<StoredUpdate> claimed = store.claim(Set.copyOf(handlers.keySet()), now, LEASE, free);
    claimed.forEach(update -> submit(update, Duration.ZERO));
  }

  /** Updates being handled or held for another try. */
  public int inHand() {
    return inFlight.size();
  }

  /** Gives the updates held for another try back to the table, at shutdown. */
  public void releaseHeld() {
    for (Held one; (one = held.poll()) != null; ) {
      inFlight.remove(one.update().id());
      try {
        store.retryAt(one.update().id(), clock.instant());
      } catch (RuntimeException e) {
        log.info("Inbox update {} is taken up again when its lease ends", one.update().id());
      }
    }
  }

  private void submit(StoredUpdate update, Duration lastWait) {
    inFlight.add(update.id());
    try {
      workers.execute(() -> work(update, lastWait));
    } catch (RejectedExecutionException e) {
      inFlight.remove(update.id());
    }
  }

  private void work(StoredUpdate update, Duration lastWait) {
    InboxHandler handler = handlers.get(update.update().platform());
    try {
      if (handler != null) {
        InboxTurn.run(update, () -> handler.handle(update.update()));
      }
    } catch (StoreUnavailableException e) {
      hold(update, lastWait);
      return;
    } catch (ShowLaterException e) {
      if (update.attempts() < MAX_SHOW_ATTEMPTS) {
        putBack(update, lastWait);
        return;
      }
      log.warn("Gave up showing the replies of inbox update {}: {}", update.id(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("Could not handle inbox update {}; it is dropped", update.id(), e);
    }
    finish(update.id());
  }

  /**
   * Gives the update back to the table for a later claim, which reads the replies its turn stored;
   * kept in hand instead when the table cannot be written either.
   */
  private void putBack(StoredUpdate update, Duration lastWait) {
    try {
      store.retryAt(update.id(), clock.instant().plus(SHOW_RETRY));
      inFlight.remove(update.id());
      wake.run();
    } catch (RuntimeException e) {
      hold(update, lastWait);
    }
  }

  private void hold(StoredUpdate update, Duration lastWait) {
    Duration wait = lastWait.isZero() ? FIRST_RETRY : min(lastWait.multipliedBy(2), LONGEST_RETRY);
    if (lastWait.isZero()) {
      log.warn("The database cannot be reached; inbox update {} waits for it", update.id());
    }
    held.add(new Held(update, clock.instant().plus(wait), wait));
    wake.run();
  }

  private void finish(long id) {
    try {
      store.done(id, clock.instant());
      inFlight.remove(id);
    } catch (RuntimeException e) {
      // The turn committed; marking it done is tried again so it is not handled twice.
      unfinished.add(id);
    }
    wake.run();
  }

  private void finishUnfinished(Instant now) {
    List<Long> again = new ArrayList<>();
    for (Long id; (id = unfinished.poll()) != null; ) {
      again.add(id);
    }
    for (int i = 0; i < again.size(); i++) {
      try {
        store.done(again.get(i), now);
        inFlight.remove(again.get(i));
      } catch (RuntimeException e) {
        unfinished.addAll(again.subList(i, again.size()));
        throw e;
      }
    }
  }

  private void resubmitHeld(Instant now) {
    List<Held> due = new ArrayList<>();
    held.removeIf(
        one -> {
          boolean ready = !one.notBefore().isAfter(now);
          if (ready) {
            due.add(one);
          }
          return ready;
        });
    due.forEach(one -> submit(one.update(), one.lastWait()));
  }

  private void renewIfDue(Instant now) {
    if (now.isBefore(nextRenew)) {
      return;
    }
    nextRenew = now.plus(RENEW_EVERY);
    if (!inFlight.isEmpty()) {
      store.renew(List.copyOf(inFlight), now.plus(LEASE));
    }
  }

  private void purgeIfDue(Instant now) {
    if (now.isBefore(nextPurge)) {
      return;
    }
    nextPurge = now.plus(PURGE_EVERY);
    int purged = store.purgeDoneBefore(now.minus(KEEP_DONE));
    if (purged > 0) {
      log.debug("Forgot {} handled inbox updates", purged);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
