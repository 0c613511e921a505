package io.studybot.core.conversation;

import static java.util.Objects.requireNonNull;

import io.studybot.core.review.FsrsParameters;

/**
 * Tunable rules of study: questions per quiz, due reviews folded into a day's quizzes at most,
 * reviews one /review sends at most, and the review scheduler's parameters.
 */
public record StudyRules(
    int questionsPerQuiz, int reviewsPerDay, int reviewsPerRequest, FsrsParameters fsrs) {
  public static final StudyRules DEFAULT = new StudyRules(3, 5, 10, FsrsParameters.defaults());

  public StudyRules {
    if (questionsPerQuiz < 1) {
      throw new IllegalArgumentException("questionsPerQuiz must be at least 1");
    }
    if (reviewsPerDay < 0 || reviewsPerRequest < 1) {
      throw new IllegalArgumentException("review limits must be positive");
    }
    requireNonNull(fsrs, "fsrs");
  }

  public StudyRules withQuestionsPerQuiz(int count) {
    return new StudyRules(count, reviewsPerDay, reviewsPerRequest, fsrs);
  }

  public StudyRules withReviewsPerDay(int count) {
    return new StudyRules(questionsPerQuiz, count, reviewsPerRequest, fsrs);
  }

  public StudyRules withFsrs(FsrsParameters parameters) {
    return new StudyRules(questionsPerQuiz, reviewsPerDay, reviewsPerRequest, parameters);
  }
}
