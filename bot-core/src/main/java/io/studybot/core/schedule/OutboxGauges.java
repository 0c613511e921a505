package io.studybot.core.schedule;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox depth and dispatch lag as gauges. Both come from one query, asked at most once per {@code
 * fresh} period however often they are scraped, so scrapes never hammer the database; when the
 * query fails, the last answer stays.
 */
public final class OutboxGauges {
  private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

  public static final String DEPTH = "studybot.outbox.pending";
  public static final String LAG = "studybot.dispatch.lag";

  private final Supplier<OutboxBacklog> query;
  private final Clock clock;
  private final Duration fresh;
  private OutboxBacklog last = OutboxBacklog.EMPTY;
  private Instant askedAt = Instant.MIN;

  private OutboxGauges(Supplier<OutboxBacklog> query, Clock clock, Duration fresh) {
    this.query = query;
    this.clock = clock;
    this.fresh = fresh;
  }

  /** Registers the two gauges over {@code query}. */
  public static OutboxGauges register(
      MeterRegistry registry, Supplier<OutboxBacklog> query, Clock clock, Duration fresh) {
    OutboxGauges gauges = new OutboxGauges(query, clock, fresh);
    Gauge.builder(DEPTH, gauges, g -> g.backlog().pending())
        .description("Timed deliveries waiting in the outbox (all instances)")
        .register(registry);
    Gauge.builder(LAG, gauges, OutboxGauges::lagSeconds)
        .description(
            "How late the oldest due, unclaimed delivery in the outbox is; 0 when none waits")
        .baseUnit("seconds")
        .register(registry);
    return gauges;
  }

  double lagSeconds() {
    OutboxBacklog backlog = backlog();
    return backlog.lag(clock.instant()).toMillis() / 1000.0;
  }

  synchronized OutboxBacklog backlog() {
    Instant now = clock.instant();
    if (askedAt.equals(Instant.MIN) || !now.isBefore(askedAt.plus(fresh))) {
      askedAt = now;
      try {
        last = query.get();
      } catch (RuntimeException e) {
        log.debug("Reading the outbox backlog failed; the gauges keep the last answer", e);
      }
    }
    return last;
  }
}
