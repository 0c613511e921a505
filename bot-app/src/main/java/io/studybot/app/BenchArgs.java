package io.studybot.app;

import java.util.List;

/** Options of the bench commands: {@code --name N}. */
final class BenchArgs {
  private BenchArgs() {}

  /** The positive whole number after {@code name}, or {@code fallback} when it is absent. */
  static int positive(List<String> args, String name, int fallback) {
    int index = args.indexOf(name);
    if (index < 0) {
      return fallback;
    }
    if (index + 1 < args.size()) {
      try {
        int value = Integer.parseInt(args.get(index + 1));
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new ConfigException(
        name + ": expected a positive whole number after it"); // the value may be anything typed
  }
}
