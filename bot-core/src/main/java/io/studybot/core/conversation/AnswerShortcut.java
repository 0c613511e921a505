package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Question;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.inbox.StoredUpdate;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.PressedAnswer;
import io.studybot.core.state.RecordedAnswer;
import io.studybot.core.study.Streak;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The turn most turns are: an answer pressed in a private chat to the learner's open daily quiz, by
 * a learner the turn would otherwise leave as they are. The button names the question, so the
 * answer is judged from the curriculum before anything is read; {@link DirectAnswers} checks the
 * rest and records it in one statement; the replies are the ones {@link AnswerFlow} gives. Any
 * other event, or anything unexpected on the way, goes the ordinary way instead, its transaction
 * rolled back.
 */
final class AnswerShortcut {
  private final LiveCurriculum curriculum;
  private final Messages messages;
  private final QuestionView questions;
  private final Reviews reviews;
  private final Duration seenResolution;

  AnswerShortcut(
      LiveCurriculum curriculum, Messages messages, Reviews reviews, Duration seenResolution) {
    this.curriculum = curriculum;
    this.messages = messages;
    this.questions = new QuestionView(messages);
    this.reviews = reviews;
    this.seenResolution = seenResolution;
  }

  /** The replies, when the event was such an answer and is recorded; empty otherwise. */
  Optional<List<Reply>> answer(
      IncomingEvent event, DirectAnswers store, Optional<StoredUpdate> inboxed, Instant now) {
    if (store == DirectAnswers.NONE
        || !(event instanceof IncomingEvent.ButtonPress press)
        || press.chat().isGroup()) {
      return Optional.empty();
    }
    Optional<Payload> payload = Payload.parse(press.payload());
    if (payload.isEmpty() || !(payload.get() instanceof Payload.Answer answer)) {
      return Optional.empty();
    }
    Curriculum course = curriculum.current();
    Optional<QuestionPlace.Found> found = answer.place().flatMap(place -> place.in(course));
    if (found.isEmpty() || answer.choice() >= found.get().question().choices().size()) {
      return Optional.empty();
    }
    PressedAnswer pressed = pressed(press, answer, course, found.get(), now);
    return store.record(
        pressed,
        (recorded, writes) ->
            replies(writes, press, pressed, found.get(), recorded)
                .map(replies -> handled(writes, inboxed, replies)));
  }

  private PressedAnswer pressed(
      IncomingEvent.ButtonPress press,
      Payload.Answer answer,
      Curriculum course,
      QuestionPlace.Found found,
      Instant now) {
    boolean correct = answer.choice() == found.question().correctIndex();
    return new PressedAnswer(
        press.user(),
        press.chat(),
        answer.quizQuestionId(),
        course.id(),
        found.topic().id(),
        found.question().id(),
        answer.choice(),
        correct,
        now,
        now.minus(seenResolution),
        reviews.firstReview(correct, now));
  }

  /**
   * The verdict, and the summary when the quiz is done; empty for what the ordinary turn words
   * differently (the quiz's day over) or a card or streak changed meanwhile.
   */
  private Optional<List<Reply>> replies(
      DirectAnswers.Writes writes,
      IncomingEvent.ButtonPress press,
      PressedAnswer pressed,
      QuestionPlace.Found found,
      RecordedAnswer recorded) {
    LocalDate today = pressed.at().atZone(recorded.zone()).toLocalDate();
    if (recorded.quizDay().isBefore(today)) {
      return Optional.empty();
    }
    if (recorded.existingCard().isPresent()) {
      RecordedAnswer.ExistingCard card = recorded.existingCard().get();
      if (!writes.updateCard(card, reviews.next(card.card(), pressed.correct(), pressed.at()))) {
        return Optional.empty();
      }
    }
    List<Reply> replies = new ArrayList<>();
    Question question = found.question();
    replies.add(
        new Reply(
            press.chat(),
            OutgoingMessage.of(
                    questions.verdict(
                        question, pressed.quizQuestionId(), pressed.choice(), recorded.language()))
                .replacing(press.messageId())));
    if (recorded.finishedQuiz()) {
      Streak streak = recorded.streak().studiedOn(today);
      if (!writes.finish(recorded, streak, pressed.at())) {
        return Optional.empty();
      }
      String summary =
          messages.get(
              recorded.language(),
              "quiz.finished",
              recorded.right(),
              recorded.questions(),
              streak.current());
      replies.add(new Reply(press.chat(), OutgoingMessage.text(summary)));
    }
    return Optional.of(List.copyOf(replies));
  }

  private static List<Reply> handled(
      DirectAnswers.Writes writes, Optional<StoredUpdate> inboxed, List<Reply> replies) {
    inboxed.ifPresent(update -> writes.handled(update.id(), replies));
    return replies;
  }
}
