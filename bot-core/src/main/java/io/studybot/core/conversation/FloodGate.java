package io.studybot.core.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Instant start;
    private int count;

    private Minute(Instant start) {
      this.start = start;
    }
  }

  private final ChatHandler bot;
  private final Clock clock;
  private final int perMinute;
  private final Messages messages = new Messages();
  // Bounded: only users heard from in the last minutes matter.
  private final Cache<String, Minute> minutes =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  public FloodGate(ChatHandler bot, Clock clock, int perMinute) {
    this.bot = bot;
    this.clock = clock;
    this.perMinute = perMinute;
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
    if (count == perMinute + 1) {
      Language language =
          Language.fromTag(event.user().languageHint().orElse("")).orElse(Language.EN);
      OutgoingMessage slowDown =
          OutgoingMessage.text(messages.get(language, "flood.slow-down", perMinute));
      return List.of(new Reply(event.chat(), slowDown.personal()));
    }
    return List.of();
  }

  /** Counts the event in the user's minute, starting a new minute when the last one is over. */
  private int count(String user) {
    Instant now = clock.instant();
    Minute minute =
        minutes
            .asMap()
            .compute(
                user,
                (key, current) ->
                    current == null || !now.isBefore(current.start.plus(WINDOW))
                        ? new Minute(now)
                        : current);
    synchronized (minute) {
      return ++minute.count;
    }
  }
}
