package io.studybot.core.state;

import static java.util.Objects.requireNonNull;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.review.ReviewCard;
import java.time.Instant;

/**
 * An answer pressed in a private chat, with what must hold for it to be recorded without the
 * ordinary turn: the account's learner is called as the event says, was seen within the hour, is
 * not dormant and has this chat as home (so the turn would change nothing about them); the
 * delivered question is this topic's question, in an open daily quiz sent to this chat, of the
 * learner's enrollment in this curriculum.
 *
 * @param seenSince the learner's last-seen time must not be earlier
 * @param firstCard the question's card after this answer, if the learner has none yet
 */
public record PressedAnswer(
    PlatformUser user,
    ChatRef chat,
    long quizQuestionId,
    String curriculumId,
    String topicId,
    String questionId,
    int choice,
    boolean correct,
    Instant at,
    Instant seenSince,
    ReviewCard firstCard) {

  public PressedAnswer {
    requireNonNull(user, "user");
    requireNonNull(chat, "chat");
    requireNonNull(curriculumId, "curriculumId");
    requireNonNull(topicId, "topicId");
    requireNonNull(questionId, "questionId");
    requireNonNull(at, "at");
    requireNonNull(seenSince, "seenSince");
    requireNonNull(firstCard, "firstCard");
  }
}
