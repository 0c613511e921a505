package io.studybot.core.study;

/**
 * What recording an answer did: whether it was stored (false when the learner had answered the
 * question already), and where the learner stands in that quiz afterwards.
 */
public record AnswerOutcome(boolean recorded, long answered, long right, long questions) {

  /** Whether the learner has now answered every question of the quiz. */
  public boolean quizFinished() {
    return answered >= questions;
  }
}
