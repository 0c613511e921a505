package io.studybot.core.review;

/**
 * The FSRS-6 formulas: how stability and difficulty change after an answer, and how recall
 * probability decays between reviews.
 *
 * <p>Intermediate results are rounded to 8 decimals where the reference implementation rounds them,
 * so that long histories do not drift apart from it. {@link StrictMath} keeps the results the same
 * on every JVM.
 */
final class MemoryModel {

  static final double MIN_STABILITY = 0.001;
  static final double MAX_STABILITY = 36_500;

  private final double[] w;
  private final double decay;
  private final double factor;
  private final double intervalModifier;
  private final int maximumInterval;

  MemoryModel(FsrsParameters parameters) {
    this.w = parameters.weights().stream().mapToDouble(Double::doubleValue).toArray();
    this.decay = -w[20];
    // Chosen so that recall is exactly 90% after `stability` days, whatever the decay.
    this.factor = round8(StrictMath.exp(StrictMath.log(0.9) / decay) - 1);
    this.intervalModifier =
        round8((StrictMath.pow(parameters.desiredRetention(), 1 / decay) - 1) / factor);
    this.maximumInterval = parameters.maximumInterval();
  }

  /** Recall probability after {@code elapsedDays} for a memory of the given stability. */
  double retrievability(double elapsedDays, double stability) {
    return round8(StrictMath.pow(1 + factor * elapsedDays / stability, decay));
  }

  /** Whole days until recall falls to the desired retention, in [1, maximum interval]. */
  int interval(double stability) {
    long days = Math.round(stability * intervalModifier);
    return (int) Math.min(Math.max(1, days), maximumInterval);
  }

  /** Memory after the first answer to a new card. */
  MemoryState initial(Rating rating) {
    double stability = Math.max(w[rating.grade() - 1], 0.1);
    return new MemoryState(stability, clamp(initialDifficulty(rating), 1, 10));
  }

  /** Memory after an answer given {@code elapsedDays} calendar days after the last review. */
  MemoryState next(MemoryState memory, int elapsedDays, Rating rating) {
    double s = memory.stability();
    double d = memory.difficulty();
    double r = retrievability(elapsedDays, s);
    double stability;
    if (elapsedDays == 0) {
      stability = shortTermStability(s, rating);
    } else if (rating == Rating.AGAIN) {
      stability = forgetStability(d, s, r);
    } else {
      stability = recallStability(d, s, r, rating);
    }
    return new MemoryState(stability, nextDifficulty(d, rating));
  }

  private double initialDifficulty(Rating rating) {
    return round8(w[4] - StrictMath.exp((rating.grade() - 1) * w[5]) + 1);
  }

  private double nextDifficulty(double d, Rating rating) {
    double delta = -w[6] * (rating.grade() - 3);
    // Linear damping: the closer to 10, the smaller the step, so difficulty never overshoots.
    double damped = d + round8(delta * (10 - d) / 9);
    // Mean reversion targets the unclamped D0(EASY), which is below 1 with default weights.
    double reverted = round8(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
    return clamp(reverted, 1, 10);
  }

  private double recallStability(double d, double s, double r, Rating rating) {
    double hardPenalty = rating == Rating.HARD ? w[15] : 1;
    double easyBonus = rating == Rating.EASY ? w[16] : 1;
    double growth =
        StrictMath.exp(w[8])
            * (11 - d)
            * StrictMath.pow(s, -w[9])
            * (StrictMath.exp((1 - r) * w[10]) - 1)
            * hardPenalty
            * easyBonus;
    return round8(clamp(s * (1 + growth), MIN_STABILITY, MAX_STABILITY));
  }

  private double forgetStability(double d, double s, double r) {
    double afterFail =
        round8(
            clamp(
                w[11]
                    * StrictMath.pow(d, -w[12])
                    * (StrictMath.pow(s + 1, w[13]) - 1)
                    * StrictMath.exp((1 - r) * w[14]),
                MIN_STABILITY,
                MAX_STABILITY));
    // Capped so that a same-day Good in relearning cannot lift it back above the pre-lapse value.
    double relearningCap = round8(s / StrictMath.exp(w[17] * w[18]));
    return Math.min(Math.max(relearningCap, MIN_STABILITY), afterFail);
  }

  private double shortTermStability(double s, Rating rating) {
    double increase =
        StrictMath.pow(s, -w[19]) * StrictMath.exp(w[17] * (rating.grade() - 3 + w[18]));
    // A same-day pass may not lower stability; only AGAIN can.
    double masked = rating == Rating.AGAIN ? increase : Math.max(increase, 1);
    return round8(clamp(s * masked, MIN_STABILITY, MAX_STABILITY));
  }

  /** Rounds half up to 8 decimals, as the reference does between steps. */
  static double round8(double value) {
    return Math.round(value * 1e8) / 1e8;
  }

  private static double clamp(double value, double min, double max) {
    return Math.min(Math.max(value, min), max);
  }
}
