package io.studybot.core.testing;

import io.studybot.content.Curriculum;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.JdbcOutboxStore;
import io.studybot.core.schedule.Dispatcher;
import io.studybot.core.schedule.OutboxSender;
import java.time.Duration;
import java.time.Instant;

/** A bot with its dispatch tick and sender, driven by a test clock: no sleeping, no Quartz. */
public final class DeliveryHarness implements AutoCloseable {
  public final BotHarness bot;
  public final JdbcOutboxStore outbox;
  public final Dispatcher dispatcher;
  public final OutboxSender sender;

  public DeliveryHarness(DatabaseSettings settings, Curriculum curriculum, Duration silenceLimit) {
    this(new BotHarness(settings, curriculum, StudyRules.DEFAULT), silenceLimit);
  }

  /** The dispatch tick and the sender around a bot built elsewhere (such as one with operators). */
  public DeliveryHarness(BotHarness bot, Duration silenceLimit) {
    this.bot = bot;
    this.outbox = new JdbcOutboxStore(bot.database);
    this.dispatcher = new Dispatcher(new JdbcDispatchStore(bot.database), bot.clock, silenceLimit);
    this.sender =
        new OutboxSender(
            outbox, bot.bot, ChatGateways.of(bot.gateway), bot.clock, bot.clock::advance);
  }

  public static DeliveryHarness onH2() {
    return new DeliveryHarness(TestDatabases.h2(), TestCurriculum.create(10), Duration.ofDays(3));
  }

  /** One scheduler round at the clock's time: the tick, then the sender. */
  public void round() {
    dispatcher.tick();
    try {
      sender.drain();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Rounds every {@code step} until {@code end}, as the minute tick would run. */
  public void runUntil(Instant end, Duration step) {
    while (bot.clock.instant().isBefore(end)) {
      round();
      bot.clock.advance(step);
    }
  }

  @Override
  public void close() {
    bot.close();
  }
}
