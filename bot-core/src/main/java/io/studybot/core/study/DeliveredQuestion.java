package io.studybot.core.study;

import static java.util.Objects.requireNonNull;

/**
 * A question as delivered, the quiz it was delivered in, and that quiz's enrollment: who may answer
 * it privately is known without another read.
 */
public record DeliveredQuestion(QuizQuestion question, Quiz quiz, Enrollment enrollment) {
  public DeliveredQuestion {
    requireNonNull(question, "question");
    requireNonNull(quiz, "quiz");
    requireNonNull(enrollment, "enrollment");
  }

  /** Whether the quiz is the owner's own in that curriculum (a learner's private quiz, say). */
  public boolean belongsTo(StudyOwner owner, String curriculumId) {
    return enrollment.owner().equals(owner) && enrollment.curriculumId().equals(curriculumId);
  }
}
