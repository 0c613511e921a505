package io.studybot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * What the bot needs to work, each part checked on demand: the database, and every platform it
 * serves. A part that is not up yet says "starting". The console needs nothing and is never listed.
 */
final class Health {
  private final Map<String, Supplier<Optional<String>>> parts = new ConcurrentSkipListMap<>();

  /** A part that will be checked once it started. */
  void starting(String part) {
    parts.put(part, () -> Optional.of("starting"));
  }

  /** Checks {@code part} with {@code problem}: empty when fine, else what is wrong in one line. */
  void check(String part, Supplier<Optional<String>> problem) {
    parts.put(part, problem);
  }

  /** One line per failing part, such as {@code database: Connection refused}; empty when fine. */
  List<String> problems() {
    List<String> lines = new ArrayList<>();
    parts.forEach(
        (part, check) -> {
          Optional<String> problem;
          try {
            problem = check.get();
          } catch (RuntimeException e) {
            problem = Optional.of("the check failed: " + e);
          }
          problem.ifPresent(text -> lines.add(part + ": " + text));
        });
    return lines;
  }
}
