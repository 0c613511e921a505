package io.studybot.core.review;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the FSRS-6 scheduler.
 *
 * <p>When fuzz is on, an interval of 3 days or more moves at random by at most about 1 day plus
 * 5–15% of its length, never past the maximum interval, so that cards learned together do not stay
 * due together. The draw is seeded from {@code fuzzSeed} and the review, so the same review always
 * gets the same interval.
 *
 * @param weights the 21 FSRS-6 model weights w0..w20
 * @param desiredRetention recall probability at which a card falls due, in (0, 1)
 * @param maximumInterval longest interval in days
 * @param learningSteps waits between answers while a new card is learned (whole minutes)
 * @param relearningSteps waits between answers after a card was forgotten (whole minutes)
 * @param fuzzEnabled whether day intervals get a random spread
 * @param fuzzSeed seed of that spread
 */
public record FsrsParameters(
    List<Double> weights,
    double desiredRetention,
    int maximumInterval,
    List<Duration> learningSteps,
    List<Duration> relearningSteps,
    boolean fuzzEnabled,
    long fuzzSeed) {

  /** The FSRS-6 default weights. */
  public static final List<Double> DEFAULT_WEIGHTS =
      List.of(
          0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
          1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542);

  public FsrsParameters {
    weights = List.copyOf(requireNonNull(weights, "weights"));
    learningSteps = List.copyOf(requireNonNull(learningSteps, "learningSteps"));
    relearningSteps = List.copyOf(requireNonNull(relearningSteps, "relearningSteps"));
    WeightBounds.check(weights, relearningSteps.size());
    if (!(desiredRetention > 0 && desiredRetention < 1)) {
      throw new IllegalArgumentException("desiredRetention must be in (0, 1): " + desiredRetention);
    }
    if (maximumInterval < 1) {
      throw new IllegalArgumentException("maximumInterval must be >= 1: " + maximumInterval);
    }
    requireWholeMinutes(learningSteps, "learningSteps");
    requireWholeMinutes(relearningSteps, "relearningSteps");
  }

  /** Default weights, 90% retention, 36,500 days at most, steps 1 min, 10 min / 10 min, no fuzz. */
  public static FsrsParameters defaults() {
    return new FsrsParameters(
        DEFAULT_WEIGHTS,
        0.9,
        36_500,
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
        List.of(Duration.ofMinutes(10)),
        false,
        0L);
  }

  /** These parameters with fuzz on, drawn from {@code seed}. */
  public FsrsParameters withFuzz(long seed) {
    return new FsrsParameters(
        weights, desiredRetention, maximumInterval, learningSteps, relearningSteps, true, seed);
  }

  /** These parameters with another maximum interval. */
  public FsrsParameters withMaximumInterval(int days) {
    return new FsrsParameters(
        weights, desiredRetention, days, learningSteps, relearningSteps, fuzzEnabled, fuzzSeed);
  }

  /** Weight {@code w[index]}. */
  public double weight(int index) {
    return weights.get(index);
  }

  private static void requireWholeMinutes(List<Duration> steps, String name) {
    for (Duration step : steps) {
      requireNonNull(step, name);
      // Steps are counted in minutes, so a 90-second step could not be honoured.
      if (step.isNegative()
          || step.isZero()
          || step.toSeconds() % 60 != 0
          || step.toNanosPart() != 0) {
        throw new IllegalArgumentException(name + " must be positive whole minutes: " + step);
      }
    }
  }
}
