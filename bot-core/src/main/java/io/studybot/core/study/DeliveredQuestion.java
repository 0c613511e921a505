package io.studybot.core.study;

import static java.util.Objects.requireNonNull;

/** A question as delivered, and the quiz it was delivered in. */
public record DeliveredQuestion(QuizQuestion question, Quiz quiz) {
  public DeliveredQuestion {
    requireNonNull(question, "question");
    requireNonNull(quiz, "quiz");
  }
}
