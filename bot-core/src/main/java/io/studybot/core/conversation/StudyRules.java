package io.studybot.core.conversation;

import static java.util.Objects.requireNonNull;

import io.studybot.core.review.FsrsParameters;
import java.time.Duration;

/**
 * Tunable rules of study: questions per quiz, due reviews folded into a day's quizzes at most,
 * reviews one /review sends at most, the review scheduler's parameters, how many paused days a
 * streak survives, and how long a learner may stay silent before deliveries stop.
 */
public record StudyRules(
    int questionsPerQuiz,
    int reviewsPerDay,
    int reviewsPerRequest,
    FsrsParameters fsrs,
    int maxFrozenDays,
    Duration silenceLimit) {
  public static final StudyRules DEFAULT =
      new StudyRules(3, 5, 10, FsrsParameters.defaults(), 14, Duration.ofDays(3));

  public StudyRules {
    if (questionsPerQuiz < 1) {
      throw new IllegalArgumentException("questionsPerQuiz must be at least 1");
    }
    if (reviewsPerDay < 0 || reviewsPerRequest < 1 || maxFrozenDays < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    requireNonNull(fsrs, "fsrs");
    requireNonNull(silenceLimit, "silenceLimit");
  }

  public StudyRules withQuestionsPerQuiz(int count) {
    return new StudyRules(
        count, reviewsPerDay, reviewsPerRequest, fsrs, maxFrozenDays, silenceLimit);
  }

  public StudyRules withReviewsPerDay(int count) {
    return new StudyRules(
        questionsPerQuiz, count, reviewsPerRequest, fsrs, maxFrozenDays, silenceLimit);
  }

  public StudyRules withFsrs(FsrsParameters parameters) {
    return new StudyRules(
        questionsPerQuiz,
        reviewsPerDay,
        reviewsPerRequest,
        parameters,
        maxFrozenDays,
        silenceLimit);
  }

  public StudyRules withMaxFrozenDays(int days) {
    return new StudyRules(
        questionsPerQuiz, reviewsPerDay, reviewsPerRequest, fsrs, days, silenceLimit);
  }
}
