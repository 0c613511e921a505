package io.studybot.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How long each phase of start-up took, for the one line the log gets once the bot is ready. */
final class StartupTimes {
  private final Map<String, Long> millis = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();

  /** Runs a phase and notes how long it took, also when it fails. */
  <T> T time(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.put(phase, (System.nanoTime() - start) / 1_000_000);
    }
  }

  void run(String phase, Runnable work) {
    time(
        phase,
        () -> {
          work.run();
          return phase;
        });
  }

  /** The phases named, in that order, with how long each took. */
  String phases(String... phases) {
    return Stream.of(phases)
        .filter(millis::containsKey)
        .map(phase -> phase + " " + millis.get(phase) + " ms")
        .collect(Collectors.joining(", "));
  }

  /** The time since start-up began, and since the JVM was launched (as the system tells it). */
  String elapsed() {
    long sinceStart = (System.nanoTime() - startNanos) / 1_000_000;
    String sinceLaunch =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(
                launch ->
                    ", " + Duration.between(launch, Instant.now()).toMillis() + " ms after launch")
            .orElse("");
    return sinceStart + " ms after start-up began" + sinceLaunch;
  }
}
