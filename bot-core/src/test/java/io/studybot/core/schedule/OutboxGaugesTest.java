package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Outbox depth and lag are read from one cached query, never once per scrape. */
class OutboxGaugesTest {
  private static final Instant T0 = Instant.parse("2026-05-04T18:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger queries = new AtomicInteger();
  private volatile OutboxBacklog answer = new OutboxBacklog(7, Optional.of(T0.minusSeconds(30)));

  @Test
  void depthAndLagComeFromOneQueryAskedAtMostOnceInFiveSeconds() {
    OutboxGauges.register(registry, this::query, clock, Duration.ofSeconds(5));

    assertThat(depth()).isEqualTo(7);
    assertThat(lag()).isEqualTo(30);
    assertThat(depth()).isEqualTo(7);
    assertThat(queries).hasValue(1);

    answer = new OutboxBacklog(2, Optional.empty());
    clock.advance(Duration.ofSeconds(4));
    assertThat(depth()).as("still the cached answer").isEqualTo(7);
    clock.advance(Duration.ofSeconds(1));
    assertThat(depth()).isEqualTo(2);
    assertThat(lag()).as("nothing due waits").isZero();
    assertThat(queries).hasValue(2);
  }

  @Test
  void aFailedQueryKeepsTheLastAnswer() {
    OutboxGauges.register(registry, this::query, clock, Duration.ofSeconds(5));
    assertThat(depth()).isEqualTo(7);

    answer = null;
    clock.advance(Duration.ofSeconds(10));

    assertThat(depth()).isEqualTo(7);
  }

  private OutboxBacklog query() {
    queries.incrementAndGet();
    OutboxBacklog now = answer;
    if (now == null) {
      throw new IllegalStateException("database gone");
    }
    return now;
  }

  private double depth() {
    return registry.get(OutboxGauges.DEPTH).gauge().value();
  }

  private double lag() {
    return registry.get(OutboxGauges.LAG).gauge().value();
  }
}
