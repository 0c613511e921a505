package io.studybot.core.review;

import java.util.List;

/** The range each FSRS-6 weight must lie in; outside it the formulas stop making sense. */
final class WeightBounds {

  static final int WEIGHT_COUNT = 21;

  private static final double SHORT_TERM_CEILING = 2.0;

  // {min, max} per weight; w17 and w18 get their upper bound from shortTermCeiling().
  private static final double[][] RANGES = {
    {0.001, 100},
    {0.001, 100},
    {0.001, 100},
    {0.001, 100},
    {1, 10},
    {0.001, 4},
    {0.001, 4},
    {0.001, 0.75},
    {0, 4.5},
    {0, 0.8},
    {0.001, 3.5},
    {0.001, 5},
    {0.001, 0.25},
    {0.001, 0.9},
    {0, 4},
    {0, 1},
    {1, 6},
    {0, SHORT_TERM_CEILING},
    {0, SHORT_TERM_CEILING},
    {0.01, 0.8},
    {0.1, 0.8}
  };

  private WeightBounds() {}

  static void check(List<Double> weights, int relearningStepCount) {
    if (weights.size() != WEIGHT_COUNT) {
      throw new IllegalArgumentException(
          "FSRS-6 needs " + WEIGHT_COUNT + " weights, got " + weights.size());
    }
    double shortTermCeiling = shortTermCeiling(weights, relearningStepCount);
    for (int i = 0; i < WEIGHT_COUNT; i++) {
      double max = (i == 17 || i == 18) ? shortTermCeiling : RANGES[i][1];
      checkOne(i, weights.get(i), RANGES[i][0], max);
    }
  }

  private static void checkOne(int index, Double weight, double min, double max) {
    if (weight == null || !(weight >= min && weight <= max)) {
      throw new IllegalArgumentException(
          "weight w" + index + " must be in [" + min + ", " + max + "]: " + weight);
    }
  }

  /**
   * With several relearning steps, a chain of same-day Good answers could lift a lapsed card's
   * stability back above where it was before the lapse, so the ceiling of w17 and w18 shrinks with
   * the number of steps.
   */
  private static double shortTermCeiling(List<Double> w, int relearningStepCount) {
    if (relearningStepCount <= 1) {
      return SHORT_TERM_CEILING;
    }
    double w11 = clampToRange(w.get(11), 11);
    double w13 = clampToRange(w.get(13), 13);
    double w14 = clampToRange(w.get(14), 14);
    double value =
        -(Math.log(w11) + Math.log(Math.pow(2, w13) - 1) + w14 * 0.3) / relearningStepCount;
    double ceiling = MemoryModel.round8(Math.sqrt(Math.max(value, 0)));
    return Math.min(Math.max(ceiling, 0.01), SHORT_TERM_CEILING);
  }

  // Out-of-range values are reported by check(); here they only must not poison the logarithms.
  private static double clampToRange(Double weight, int index) {
    double value = weight == null || weight.isNaN() ? RANGES[index][0] : weight;
    return Math.min(Math.max(value, RANGES[index][0]), RANGES[index][1]);
  }
}
