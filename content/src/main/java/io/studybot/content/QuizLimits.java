package io.studybot.content;

/**
 * How guessable a curriculum's quizzes may be, per unit: the share of multiple-choice questions
 * whose right choice is the strictly longest (in any language), and the range of the share of
 * true/false questions whose answer is true. A curriculum may set its own in {@code
 * curriculum.yaml} under {@code quiz_limits}.
 */
public record QuizLimits(double longestRightMax, double trueMin, double trueMax) {
  public static final QuizLimits DEFAULT = new QuizLimits(0.30, 0.40, 0.60);

  public QuizLimits {
    if (!(0 <= trueMin && trueMin <= trueMax && trueMax <= 1)
        || !(0 <= longestRightMax && longestRightMax <= 1)) {
      throw new IllegalArgumentException("quiz limits are shares between 0 and 1");
    }
  }

  /** Longest-right questions allowed among {@code count}; one is always allowed. */
  int longestRightAllowed(int count) {
    return Math.max(1, (int) Math.floor(count * longestRightMax));
  }

  /** Whether {@code trues} of {@code count} true/false answers is within the range. */
  boolean trueShareAllowed(int trues, int count) {
    return trues >= Math.floor(count * trueMin) && trues <= Math.ceil(count * trueMax);
  }
}
