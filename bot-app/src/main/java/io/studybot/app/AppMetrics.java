package io.studybot.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The process's meter registry, created once in the composition root and handed to whatever counts:
 * Prometheus's, with the JVM's own meters (memory, GC, threads, class loading, uptime, CPU, open
 * files) bound to it.
 */
final class AppMetrics implements AutoCloseable {
  static final String INBOX_DEPTH = "studybot.inbox.pending";

  /** Gauges that ask the database answer from a cache this old at most. */
  static final Duration GAUGE_FRESHNESS = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final Optional<PrometheusMeterRegistry> served;
  private final Optional<JvmGcMetrics> gc;

  private AppMetrics(
      MeterRegistry registry, Optional<PrometheusMeterRegistry> served, Optional<JvmGcMetrics> gc) {
    this.registry = registry;
    this.served = served;
    this.gc = gc;
  }

  /** Prometheus's registry with the JVM's meters, for {@code /metrics}. */
  static AppMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    return new AppMetrics(registry, Optional.of(registry), Optional.of(gc));
  }

  /**
   * Meters that go nowhere, when no port serves them (the console's default): Prometheus and the
   * JVM's binders are not even loaded, which start-up would otherwise pay for.
   */
  static AppMetrics unserved() {
    return new AppMetrics(new CompositeMeterRegistry(), Optional.empty(), Optional.empty());
  }

  MeterRegistry registry() {
    return registry;
  }

  /** The registry {@code /metrics} shows; empty for {@link #unserved}. */
  Optional<PrometheusMeterRegistry> served() {
    return served;
  }

  /**
   * The inbox depth gauge over {@code pending}, asked at most every five seconds however often it
   * is scraped.
   */
  void inboxDepth(LongSupplier pending, Clock clock) {
    CachedValue<Long> cached = new CachedValue<>(pending::getAsLong, 0L, clock, GAUGE_FRESHNESS);
    Gauge.builder(INBOX_DEPTH, cached, value -> value.get())
        .description("Updates stored in the inbox and not handled yet")
        .register(registry);
  }

  @Override
  public void close() {
    gc.ifPresent(JvmGcMetrics::close);
    registry.close();
  }
}
