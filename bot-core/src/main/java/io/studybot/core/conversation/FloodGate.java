package io.studybot.core.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.studybot.content.Language;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One user's flood stays theirs: more than {@code perMinute} commands or messages within a minute
 * get one polite "slow down", then silence until the minute is over; nothing of them reaches the
 * bot, so nothing changes. Button presses pass: each needs a message the bot sent.
 */
public final class FloodGate implements ChatHandler {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  /** A user's current minute: when it began and how much came in it. */
  private static final class Minute {
    private Instant start = Instant.MIN;
    private int count;

    /** Counts one more, starting a new minute when the last one is over. */
    synchronized int count(Instant now) {
      if (start.equals(Instant.MIN) || !now.isBefore(start.plus(WINDOW))) {
        start = now;
        count = 0;
      }
      return ++count;
    }
  }

  private final ChatHandler bot;
  private final Clock clock;
  private final int perMinute;
  private final Messages messages = new Messages();
  // Bounded: only users heard from in the last minutes matter.
  private final Cache<String, Minute> minutes =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfterAccess(Duration.ofMinutes(5))
          .recordStats()
          .build();

  private final MeterRegistry registry;

  public FloodGate(ChatHandler bot, Clock clock, int perMinute) {
    this(bot, clock, perMinute, new CompositeMeterRegistry());
  }

  /** A gate that counts the events it holds back, and its cache, in {@code registry}. */
  public FloodGate(ChatHandler bot, Clock clock, int perMinute, MeterRegistry registry) {
    this.bot = bot;
    this.clock = clock;
    this.perMinute = perMinute;
    this.registry = registry;
    CaffeineCacheMetrics.monitor(registry, minutes, "flood_gate");
  }

  @Override
  public List<Reply> handle(IncomingEvent event) {
    if (event instanceof IncomingEvent.ButtonPress) {
      return bot.handle(event);
    }
    int count = count(event.user().platform() + ":" + event.user().externalId());
    if (count <= perMinute) {
      return bot.handle(event);
    }
    limited(event);
    if (count == perMinute + 1) {
      Language language =
          Language.fromTag(event.user().languageHint().orElse("")).orElse(Language.EN);
      OutgoingMessage slowDown =
          OutgoingMessage.text(messages.get(language, "flood.slow-down", perMinute));
      return List.of(new Reply(event.chat(), slowDown.personal()));
    }
    return List.of();
  }

  /** Counts the event in the user's minute. */
  private int count(String user) {
    return minutes.get(user, key -> new Minute()).count(clock.instant());
  }

  private void limited(IncomingEvent event) {
    Counter.builder("studybot.updates.limited")
        .description("Commands and messages held back by the per-user flood limit")
        .tag("platform", UpdateMetrics.platform(event))
        .register(registry)
        .increment();
  }
}
