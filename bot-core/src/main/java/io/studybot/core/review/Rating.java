package io.studybot.core.review;

/** How well the learner recalled a card, from forgot ({@link #AGAIN}) to effortless. */
public enum Rating {
  AGAIN(1),
  HARD(2),
  GOOD(3),
  EASY(4);

  private final int grade;

  Rating(int grade) {
    this.grade = grade;
  }

  /** The numeric grade 1..4 that the FSRS formulas use. */
  public int grade() {
    return grade;
  }

  /**
   * The rating for a quiz answer. A quiz only tells right from wrong, so a right answer counts as a
   * plain {@link #GOOD}, never as HARD or EASY.
   */
  public static Rating fromQuizOutcome(boolean correct) {
    return correct ? GOOD : AGAIN;
  }
}
