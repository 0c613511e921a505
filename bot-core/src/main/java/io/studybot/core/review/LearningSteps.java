package io.studybot.core.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Decides the short, minute-based waits of a card that is being learned or relearned. */
final class LearningSteps {

  /** Wait {@code minutes}, then continue at step {@code nextStep}. */
  record Plan(long minutes, int nextStep) {}

  private final List<Duration> learning;
  private final List<Duration> relearning;

  LearningSteps(FsrsParameters parameters) {
    this.learning = parameters.learningSteps();
    this.relearning = parameters.relearningSteps();
  }

  /**
   * The wait for an answer to a card in {@code state} at {@code step}, or empty when the card
   * leaves the steps and gets a day interval instead.
   */
  Optional<Plan> plan(CardState state, int step, Rating rating) {
    boolean lapsed = state == CardState.REVIEW || state == CardState.RELEARNING;
    List<Duration> steps = lapsed ? relearning : learning;
    if (steps.isEmpty() || step >= steps.size()) {
      return Optional.empty();
    }
    if (state == CardState.REVIEW) {
      return rating == Rating.AGAIN
          ? Optional.of(new Plan(minutes(steps, step), 0))
          : Optional.empty();
    }
    return switch (rating) {
      case AGAIN -> Optional.of(new Plan(minutes(steps, 0), 0));
      case HARD -> Optional.of(new Plan(hardMinutes(steps), step));
      case GOOD ->
          step + 1 < steps.size()
              ? Optional.of(new Plan(minutes(steps, step + 1), step + 1))
              : Optional.empty();
      case EASY -> Optional.empty();
    };
  }

  // HARD repeats the step with a wait between AGAIN's and GOOD's, always measured from step 0.
  private static long hardMinutes(List<Duration> steps) {
    if (steps.size() == 1) {
      return Math.round(minutes(steps, 0) * 1.5);
    }
    return Math.round((minutes(steps, 0) + minutes(steps, 1)) / 2.0);
  }

  private static long minutes(List<Duration> steps, int index) {
    return steps.get(index).toMinutes();
  }
}
