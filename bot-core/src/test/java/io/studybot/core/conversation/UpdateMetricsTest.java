package io.studybot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.state.Repositories;
import io.studybot.core.state.StudyStore;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.MutableClock;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bot's meters move as it handles events: by platform and kind, timed, failures apart. */
class UpdateMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final Database database = Database.open(TestDatabases.h2());
  private final StudyBot bot = bot(new HibernateStudyStore(database));
  private final PlatformUser ada = BotHarness.user("1", "Ada", "en");

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void commandsTextsAndButtonsAreCountedAndTimedByPlatformAndKind() {
    bot.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/help"));
    bot.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/today"));
    bot.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "hello"));
    bot.handle(
        new IncomingEvent.ButtonPress(
            ada, BotHarness.privateChat(ada), "lang:en", Optional.empty()));

    assertThat(handled(registry, "command")).isEqualTo(2);
    assertThat(handled(registry, "text")).isEqualTo(1);
    assertThat(handled(registry, "button")).isEqualTo(1);
    assertThat(
            registry
                .get(UpdateMetrics.LATENCY)
                .tag("platform", "telegram")
                .tag("kind", "command")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.find(UpdateMetrics.FAILED).counter()).isNull();
  }

  @Test
  void aFailedEventIsCountedAsFailedAndStillAnswered() {
    StudyStore broken =
        new StudyStore() {
          @Override
          public <T> T inTransaction(Function<Repositories, T> work) {
            throw new IllegalStateException("database gone");
          }
        };
    StudyBot failing = bot(broken);

    List<Reply> replies =
        failing.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/today"));

    assertThat(replies).hasSize(1);
    assertThat(handled(registry, "command")).isEqualTo(1);
    assertThat(registry.get(UpdateMetrics.FAILED).tag("kind", "command").counter().count())
        .isEqualTo(1);
  }

  @Test
  void theLinkCodeCacheReportsItsLookups() {
    bot.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/link ABCDEF"));

    double misses =
        registry
            .get("cache.gets")
            .tag("cache", "link_wrong_codes")
            .tag("result", "miss")
            .functionCounter()
            .count();
    assertThat(misses).isEqualTo(1);
  }

  @Test
  void theFloodGateCountsWhatItHoldsBackAndItsCacheHits() {
    FloodGate gate = new FloodGate(bot, clock, 2, registry);
    for (int i = 0; i < 4; i++) {
      gate.handle(IncomingEvent.parse(ada, BotHarness.privateChat(ada), "/help"));
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(
            registry.get("studybot.updates.limited").tag("platform", "telegram").counter().count())
        .isEqualTo(2);
    assertThat(handled(registry, "command")).isEqualTo(2);
    assertThat(cacheGets(registry, "flood_gate", "hit")).isEqualTo(3);
    assertThat(cacheGets(registry, "flood_gate", "miss")).isEqualTo(1);
  }

  private StudyBot bot(StudyStore store) {
    return new StudyBot(store, TestCurriculum.create(), StudyRules.DEFAULT, clock, registry);
  }

  private static double handled(MeterRegistry registry, String kind) {
    return registry
        .get(UpdateMetrics.HANDLED)
        .tag("platform", "telegram")
        .tag("kind", kind)
        .counter()
        .count();
  }

  private static double cacheGets(MeterRegistry registry, String cache, String result) {
    return registry
        .get("cache.gets")
        .tag("cache", cache)
        .tag("result", result)
        .functionCounter()
        .count();
  }
}
