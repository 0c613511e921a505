package io.studybot.core.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.studybot.core.chat.IncomingEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's meters for the events it handles: how many, of which platform and kind (command, text,
 * button), how long each took, and how many failed.
 */
final class UpdateMetrics {
  static final String HANDLED = "studybot.updates.handled";
  static final String FAILED = "studybot.updates.failed";
  static final String LATENCY = "studybot.handler";
  static final String ANSWERED_DIRECTLY = "studybot.answers.direct";

  private final MeterRegistry registry;
  private final Map<String, EventMeters> byEvent = new ConcurrentHashMap<>();
  private final Map<String, Counter> direct = new ConcurrentHashMap<>();

  UpdateMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts a handled event and its time; a failed one is counted as failed as well. */
  void handled(IncomingEvent event, Duration took, boolean failed) {
    String platform = platform(event);
    String kind = kind(event);
    EventMeters meters =
        byEvent.computeIfAbsent(platform + "/" + kind, key -> register(platform, kind));
    meters.handled.increment();
    meters.latency.record(took);
    if (failed) {
      Counter.builder(FAILED)
          .description("Events the bot could not handle (the user got an apology)")
          .tags("platform", platform, "kind", kind)
          .register(registry)
          .increment();
    }
  }

  /** Counts an answer recorded by the one statement of {@code AnswerShortcut}. */
  void answeredDirectly(IncomingEvent event) {
    String platform = platform(event);
    direct
        .computeIfAbsent(
            platform,
            key ->
                Counter.builder(ANSWERED_DIRECTLY)
                    .description("Answers pressed in private chats and recorded in one statement")
                    .tags("platform", platform)
                    .register(registry))
        .increment();
  }

  /** Looked up once per platform and kind: registering on every event costs more than counting. */
  private EventMeters register(String platform, String kind) {
    return new EventMeters(
        Counter.builder(HANDLED)
            .description("Events handed to the bot, by platform and kind")
            .tags("platform", platform, "kind", kind)
            .register(registry),
        Timer.builder(LATENCY)
            .description("Time the bot took to handle an event, its transaction included")
            .tags("platform", platform, "kind", kind)
            .publishPercentileHistogram()
            .register(registry));
  }

  private record EventMeters(Counter handled, Timer latency) {}

  static String platform(IncomingEvent event) {
    return event.user().platform().name().toLowerCase(Locale.ROOT);
  }

  static String kind(IncomingEvent event) {
    if (event instanceof IncomingEvent.Command) {
      return "command";
    }
    return event instanceof IncomingEvent.ButtonPress ? "button" : "text";
  }
}
