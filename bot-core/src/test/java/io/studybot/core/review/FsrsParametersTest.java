package io.studybot.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FsrsParametersTest {

  private static final List<Duration> LEARNING = List.of(minutes(1), minutes(10));
  private static final List<Duration> RELEARNING = List.of(minutes(10));

  @Test
  void defaultsAreTheFsrs6Defaults() {
    FsrsParameters defaults = FsrsParameters.defaults();

    assertThat(defaults.weights()).hasSize(21).startsWith(0.212, 1.2931).endsWith(0.1542);
    assertThat(defaults.desiredRetention()).isEqualTo(0.9);
    assertThat(defaults.maximumInterval()).isEqualTo(36_500);
    assertThat(defaults.learningSteps()).containsExactly(minutes(1), minutes(10));
    assertThat(defaults.relearningSteps()).containsExactly(minutes(10));
    assertThat(defaults.fuzzEnabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 17, 19, 20, 22})
  void rejectsAnyWeightCountButTwentyOne(int count) {
    List<Double> weights = new ArrayList<>(FsrsParameters.DEFAULT_WEIGHTS);
    while (weights.size() > count) {
      weights.remove(weights.size() - 1);
    }
    while (weights.size() < count) {
      weights.add(0.1);
    }

    assertThatIllegalArgumentException()
        .isThrownBy(() -> withWeights(weights))
        .withMessageContaining("21 weights");
  }

  @Test
  void rejectsAWeightOutsideItsRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withWeight(4, 0.5))
        .withMessageContaining("w4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withWeight(20, 0.9))
        .withMessageContaining("w20");
    assertThatIllegalArgumentException().isThrownBy(() -> withWeight(8, Double.NaN));
    assertThatIllegalArgumentException().isThrownBy(() -> withWeight(0, Double.POSITIVE_INFINITY));
  }

  @Test
  void acceptsWeightsOnTheEdgeOfTheirRange() {
    assertThat(withWeight(4, 10.0).weight(4)).isEqualTo(10.0);
    assertThat(withWeight(20, 0.1).weight(20)).isEqualTo(0.1);
  }

  @Test
  void severalRelearningStepsLowerTheCeilingOfTheShortTermWeights() {
    // With default w11, w13 and w14 and two relearning steps the ceiling is about 0.6.
    List<Duration> twoSteps = List.of(minutes(10), minutes(60));
    List<Double> steep = new ArrayList<>(FsrsParameters.DEFAULT_WEIGHTS);
    steep.set(17, 1.0);

    assertThat(parameters(steep, 0.9, 36_500, RELEARNING).weight(17)).isEqualTo(1.0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parameters(steep, 0.9, 36_500, twoSteps))
        .withMessageContaining("w17");
    assertThat(parameters(FsrsParameters.DEFAULT_WEIGHTS, 0.9, 36_500, twoSteps).weight(17))
        .isEqualTo(0.5425);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
  void rejectsRetentionOutsideZeroToOneExclusive(double retention) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parameters(FsrsParameters.DEFAULT_WEIGHTS, retention, 36_500, RELEARNING))
        .withMessageContaining("desiredRetention");
  }

  @Test
  void rejectsAMaximumIntervalShorterThanOneDay() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FsrsParameters.defaults().withMaximumInterval(0))
        .withMessageContaining("maximumInterval");
  }

  @Test
  void rejectsStepsThatAreNotPositiveWholeMinutes() {
    for (Duration step : List.of(Duration.ofSeconds(90), Duration.ZERO, minutes(-1))) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new FsrsParameters(
                      FsrsParameters.DEFAULT_WEIGHTS,
                      0.9,
                      100,
                      List.of(step),
                      RELEARNING,
                      false,
                      0))
          .withMessageContaining("whole minutes");
    }
  }

  @Test
  void acceptsEmptySteps() {
    FsrsParameters noSteps =
        new FsrsParameters(
            FsrsParameters.DEFAULT_WEIGHTS, 0.9, 100, List.of(), List.of(), false, 0);

    assertThat(noSteps.learningSteps()).isEmpty();
  }

  @Test
  void keepsItsOwnCopyOfTheWeights() {
    List<Double> weights = new ArrayList<>(FsrsParameters.DEFAULT_WEIGHTS);
    FsrsParameters parameters = withWeights(weights);

    weights.set(0, 50.0);

    assertThat(parameters.weight(0)).isEqualTo(0.212);
  }

  @Test
  void withFuzzTurnsFuzzOnWithTheSeed() {
    FsrsParameters fuzzed = FsrsParameters.defaults().withFuzz(42);

    assertThat(fuzzed.fuzzEnabled()).isTrue();
    assertThat(fuzzed.fuzzSeed()).isEqualTo(42);
    assertThat(fuzzed.weights()).isEqualTo(FsrsParameters.DEFAULT_WEIGHTS);
  }

  private static FsrsParameters withWeight(int index, double value) {
    List<Double> weights = new ArrayList<>(FsrsParameters.DEFAULT_WEIGHTS);
    weights.set(index, value);
    return withWeights(weights);
  }

  private static FsrsParameters withWeights(List<Double> weights) {
    return parameters(weights, 0.9, 36_500, RELEARNING);
  }

  private static FsrsParameters parameters(
      List<Double> weights, double retention, int maximumInterval, List<Duration> relearning) {
    return new FsrsParameters(weights, retention, maximumInterval, LEARNING, relearning, false, 0);
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }
}
