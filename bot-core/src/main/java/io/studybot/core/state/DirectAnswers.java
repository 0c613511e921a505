package io.studybot.core.state;

import io.studybot.core.chat.Reply;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.Streak;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The busiest turn, an answer pressed in a private chat, in plain SQL: one statement checks
 * everything the answer depends on and records it with its review card, instead of loading the
 * learner and the quiz first. Work that finds anything unusual returns empty, its transaction is
 * rolled back, and the answer takes the ordinary way through the repositories.
 */
public interface DirectAnswers {

  /** For databases without the statement: every answer takes the ordinary way. */
  DirectAnswers NONE =
      new DirectAnswers() {
        @Override
        public <T> Optional<T> record(PressedAnswer answer, Rest<T> rest) {
          return Optional.empty();
        }
      };

  /**
   * Records the answer and, when the learner has no card for the question, its new card, then runs
   * the rest in the same transaction: committed when the rest returns a value. Empty, with nothing
   * written, when a condition of {@link PressedAnswer} does not hold, the learner had answered the
   * question already, or the rest returns empty.
   *
   * <p>Answers pressed at the same moment may share a transaction, whose rests then run on one
   * thread; when one of them returns empty, each answer is tried again in a transaction of its own,
   * so a rest may run twice and must only write through {@link Writes}.
   */
  <T> Optional<T> record(PressedAnswer answer, Rest<T> rest);

  /** What follows the recording, in its transaction. */
  @FunctionalInterface
  interface Rest<T> {
    Optional<T> after(RecordedAnswer recorded, Writes writes);
  }

  /** What the rest may write, all in the answer's transaction. */
  interface Writes {
    /** Moves a card on; false when it changed since it was read. */
    boolean updateCard(RecordedAnswer.ExistingCard card, ReviewCard next);

    /**
     * The quiz's last answer: the learner's streak, the topic completed, the quiz closed; false
     * when the streak or the quiz changed since they were read.
     */
    boolean finish(RecordedAnswer recorded, Streak streak, Instant at);

    /** Marks an inbox update handled with the replies the answer shows. */
    void handled(long inboxRowId, List<Reply> replies);
  }
}
