package io.studybot.core.review;

import java.util.SplittableRandom;

/**
 * Spreads day intervals a little so that cards learned together do not all fall due together.
 *
 * <p>An interval {@code i} of 3 days or more moves within {@code i ± delta}, where {@code delta} is
 * 1 day plus 15% of the part of {@code i} between 2.5 and 7 days, 10% of the part between 7 and 20
 * days and 5% of the part above 20 days. The result is never below 2 days nor above the maximum
 * interval, and if {@code i} is longer than the days elapsed since the last review, so is the
 * result.
 */
final class IntervalFuzz {

  /** Inclusive bounds of a fuzzed interval. */
  record Range(int min, int max) {}

  private IntervalFuzz() {}

  /** {@code interval} moved to a point of its range drawn from {@code seed}. */
  static int apply(int interval, int elapsedDays, int maximumInterval, long seed) {
    if (interval < 2.5) {
      return interval;
    }
    Range range = range(interval, elapsedDays, maximumInterval);
    return range.min() + new SplittableRandom(seed).nextInt(range.max() - range.min() + 1);
  }

  /** The days a fuzzed {@code interval} may land on. */
  static Range range(int interval, int elapsedDays, int maximumInterval) {
    double delta =
        1
            + portion(interval, 2.5, 7, 0.15)
            + portion(interval, 7, 20, 0.10)
            + portion(interval, 20, Double.POSITIVE_INFINITY, 0.05);
    int capped = Math.min(interval, maximumInterval);
    int min = (int) Math.max(2, Math.round(capped - delta));
    int max = (int) Math.min(Math.round(capped + delta), maximumInterval);
    if (capped > elapsedDays) {
      min = Math.max(min, elapsedDays + 1);
    }
    return new Range(Math.min(min, max), max);
  }

  private static double portion(int interval, double start, double end, double share) {
    return share * Math.max(Math.min(interval, end) - start, 0);
  }
}
