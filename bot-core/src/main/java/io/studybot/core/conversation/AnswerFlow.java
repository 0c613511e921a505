package io.studybot.core.conversation;

import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.AnswerOutcome;
import io.studybot.core.study.DeliveredQuestion;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.Streak;
import java.util.Optional;

/**
 * An answer button press: checks that the delivered question exists, was delivered to this chat,
 * may be answered by this person and is still open, then records the one answer and replies with
 * the verdict. Anything else gets a clear reply and changes nothing.
 */
final class AnswerFlow {
  private final QuestionView questions;
  private final Reviews reviews;
  private final StudyFlow study;

  AnswerFlow(Messages messages, Reviews reviews, StudyFlow study) {
    this.questions = new QuestionView(messages);
    this.reviews = reviews;
    this.study = study;
  }

  /** Whether the event is a press that {@link #answer} takes, with its own ended-quiz check. */
  static boolean isPrivateAnswer(IncomingEvent event) {
    return event instanceof IncomingEvent.ButtonPress press
        && !press.chat().isGroup()
        && Payload.parse(press.payload()).filter(Payload.Answer.class::isInstance).isPresent();
  }

  void answer(Turn turn, IncomingEvent.ButtonPress press, Payload.Answer payload) {
    Optional<DeliveredQuestion> delivered = turn.quizzes.delivered(payload.quizQuestionId());
    if (!turn.inGroup()) {
      closeEndedQuiz(turn, delivered);
    }
    if (delivered.isEmpty() || !delivered.get().quiz().deliveredTo(turn.chat())) {
      turn.sayPersonally("button.stale");
      return;
    }
    Quiz quiz = delivered.get().quiz();
    if (!mayAnswer(turn, delivered.get())) {
      turn.sayPersonally("answer.not-yours");
      return;
    }
    turn.speak(turn.learner.language()); // verdicts are personal, in the presser's language
    Optional<Question> question = question(turn, delivered.get());
    int choice = payload.choice();
    if (question.isEmpty() || choice >= question.get().choices().size()) {
      turn.sayPersonally("button.stale");
      return;
    }
    if (quiz.closed()) {
      // A closed quiz was answered or skipped already; say which.
      boolean answered =
          turn.quizzes.unanswered(quiz.id(), turn.learner.id()).stream()
              .noneMatch(q -> q.id().equals(delivered.get().question().id()));
      turn.sayPersonally(answered ? "answer.twice" : "quiz.closed");
      return;
    }
    record(turn, press, delivered.get(), question.get(), choice);
  }

  /**
   * What {@link LessonDays#closeEndedQuiz} does before other private events, without its reads when
   * the press names the learner's open daily quiz: a learner has one at most (a new one closes the
   * old), so that is the one whose day may have ended.
   */
  private void closeEndedQuiz(Turn turn, Optional<DeliveredQuestion> delivered) {
    Optional<Quiz> ownOpenDaily =
        delivered
            .filter(d -> d.belongsTo(turn.learner.owner(), turn.curriculum.id()))
            .map(DeliveredQuestion::quiz)
            .filter(quiz -> !quiz.closed() && !quiz.review());
    if (ownOpenDaily.isEmpty()) {
      LessonDays.closeEndedQuiz(turn, study);
    } else if (ownOpenDaily.get().localDay().isBefore(turn.today())) {
      study.closeQuiz(turn, ownOpenDaily.get());
    }
  }

  /** In a group every member may answer the group's quiz; in private only its learner. */
  private static boolean mayAnswer(Turn turn, DeliveredQuestion delivered) {
    if (!turn.inGroup()) {
      return delivered.belongsTo(turn.learner.owner(), turn.curriculum.id());
    }
    Enrollment enrollment = Courses.enrollmentFor(turn);
    return enrollment.id().equals(delivered.quiz().enrollmentId());
  }

  private static Optional<Question> question(Turn turn, DeliveredQuestion delivered) {
    Optional<Topic> topic = turn.curriculum.topic(delivered.question().topicId());
    return topic.flatMap(t -> t.findQuestion(delivered.question().questionId()));
  }

  private void record(
      Turn turn,
      IncomingEvent.ButtonPress press,
      DeliveredQuestion delivered,
      Question question,
      int choice) {
    boolean correct = choice == question.correctIndex();
    AnswerOutcome outcome =
        turn.quizzes.recordAnswer(
            new QuizAttempt(
                delivered.question().id(), turn.learner.id(), choice, correct, turn.now));
    if (!outcome.recorded()) {
      turn.sayPersonally("answer.twice");
      return;
    }
    reviews.record(turn, delivered.question(), correct);
    RichText verdict =
        questions.verdict(question, delivered.question().id(), choice, turn.language());
    if (turn.inGroup()) {
      verdictInGroup(turn, verdict);
    } else {
      turn.reply(OutgoingMessage.of(verdict).replacing(press.messageId()));
    }
    if (outcome.quizFinished()) {
      finish(turn, delivered.quiz(), outcome);
    }
  }

  /**
   * A verdict in a group shows as a short popup on some platforms, too short for the explanation: a
   * member who has a private chat with the bot on that platform gets it whole there. The popup ends
   * with where to read it whole, when that fits.
   */
  private static void verdictInGroup(Turn turn, RichText verdict) {
    Optional<ChatRef> privateChat =
        turn.learner.homeChat().filter(home -> home.platform() == turn.chat().platform());
    String pointer =
        turn.text(privateChat.isPresent() ? "answer.more-in-private" : "answer.more-at-close");
    turn.reply(OutgoingMessage.of(QuestionView.endingWith(verdict, pointer)).personal());
    privateChat.ifPresent(home -> turn.replyIn(home, OutgoingMessage.of(verdict)));
  }

  /** The learner answered every question: the day counts for the streak and the topic is done. */
  private static void finish(Turn turn, Quiz quiz, AnswerOutcome outcome) {
    Streak streak = turn.learner.streak().studiedOn(turn.learnerToday());
    turn.learner.setStreak(streak);
    if (!quiz.review()) {
      turn.enrollments.markCompleted(quiz.enrollmentId(), quiz.topicId(), turn.now);
    }
    if (!turn.inGroup()) {
      quiz.close();
    }
    String summary =
        turn.text("quiz.finished", outcome.right(), outcome.questions(), streak.current());
    OutgoingMessage message = OutgoingMessage.text(summary);
    turn.reply(turn.inGroup() ? message.personal() : message);
  }
}
