package io.studybot.core.state;

import io.studybot.content.Language;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.Streak;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What {@link DirectAnswers#record} found and did: the answer is recorded.
 *
 * @param existingCard the learner's card for the question, when they had one (it was left as it
 *     was); empty when the new card was written
 * @param answered the learner's answers in the quiz, this one included
 * @param right how many of them are right
 * @param questions the quiz's questions
 */
public record RecordedAnswer(
    long learnerId,
    Language language,
    ZoneId zone,
    Streak streak,
    long quizId,
    long enrollmentId,
    String quizTopicId,
    LocalDate quizDay,
    Optional<ExistingCard> existingCard,
    long answered,
    long right,
    long questions) {

  /** Whether this answer was the learner's last in the quiz. */
  public boolean finishedQuiz() {
    return answered >= questions;
  }

  /** A card as it was read, by its row. */
  public record ExistingCard(long id, ReviewCard card) {}
}
