package io.studybot.core.study;

/** How a learner has answered so far. */
public record LearnerStats(long answered, long correct) {

  /** Percent of answers that were right, 0 when there are none. */
  public int accuracyPercent() {
    return answered == 0 ? 0 : (int) Math.round(100.0 * correct / answered);
  }
}
