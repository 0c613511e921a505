package io.studybot.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
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

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;

  private AppMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
    this.registry = registry;
    this.gc = gc;
  }

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
    return new AppMetrics(registry, gc);
  }

  PrometheusMeterRegistry registry() {
    return registry;
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
    gc.close();
    registry.close();
  }
}
