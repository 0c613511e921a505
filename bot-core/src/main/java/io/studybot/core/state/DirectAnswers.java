package io.studybot.core.state;

import io.studybot.core.chat.Reply;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.Streak;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
        public <T> Optional<T> inTransaction(Function<Writes, Optional<T>> work) {
          return Optional.empty();
        }
      };

  /** Runs the work in a transaction of its own: committed when it returns a value. */
  <T> Optional<T> inTransaction(Function<Writes, Optional<T>> work);

  /** What the work may write, all in its transaction. */
  interface Writes {
    /**
     * Records the answer and, when the learner has no card for the question, its new card; empty
     * (and nothing written) when any condition of {@link PressedAnswer} does not hold.
     */
    Optional<RecordedAnswer> record(PressedAnswer answer);

    /** Moves a card on; false when it changed since {@link #record} read it. */
    boolean updateCard(RecordedAnswer.ExistingCard card, ReviewCard next);

    /**
     * The quiz's last answer: the learner's streak, the topic completed, the quiz closed; false
     * when the streak or the quiz changed since {@link #record} read them.
     */
    boolean finish(RecordedAnswer recorded, Streak streak, Instant at);

    /** Marks an inbox update handled with the replies the answer shows. */
    void handled(long inboxRowId, List<Reply> replies);
  }
}
