package io.studybot.core.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;

/**
 * The sender's meters, by platform and delivery kind: deliveries sent (every message went out),
 * failed for good, and put back for another attempt after a transient failure.
 */
public final class DeliveryMetrics {
  public static final String SENT = "studybot.deliveries.sent";
  public static final String FAILED = "studybot.deliveries.failed";
  public static final String RETRIED = "studybot.deliveries.retried";

  private final MeterRegistry registry;

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that go nowhere. */
  public static DeliveryMetrics none() {
    return new DeliveryMetrics(new CompositeMeterRegistry());
  }

  void sent(OutboxEntry entry) {
    count(SENT, "Timed deliveries whose every message went out", entry);
  }

  void failed(OutboxEntry entry) {
    count(FAILED, "Timed deliveries given up for good (refused, or out of attempts)", entry);
  }

  void retried(OutboxEntry entry) {
    count(RETRIED, "Timed deliveries put back for another attempt after a failure", entry);
  }

  private void count(String name, String description, OutboxEntry entry) {
    Counter.builder(name)
        .description(description)
        .tag("platform", entry.chat().platform().name().toLowerCase(Locale.ROOT))
        .tag("kind", entry.kind().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
