package io.studybot.core.conversation;

import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.Streak;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer button press: checks that the delivered question exists, was delivered to this chat,
 * may be answered by this person and is still open, then records the one answer and replies with
 * the verdict. Anything else gets a clear reply and changes nothing.
 */
final class AnswerFlow {
  private final QuestionView questions;
  private final Reviews reviews;

  AnswerFlow(Messages messages, Reviews reviews) {
    this.questions = new QuestionView(messages);
    this.reviews = reviews;
  }

  void answer(Turn turn, IncomingEvent.ButtonPress press, Payload payload) {
    Optional<long[]> parts = payload.answerParts();
    Optional<QuizQuestion> delivered = parts.flatMap(p -> turn.repository.quizQuestion(p[0]));
    Optional<Quiz> quiz = delivered.flatMap(q -> turn.repository.quiz(q.quizId()));
    if (quiz.isEmpty() || !quiz.get().deliveredTo(turn.chat())) {
      turn.sayPersonally("button.stale");
      return;
    }
    Optional<Enrollment> enrollment = owner(turn, quiz.get());
    if (enrollment.isEmpty()) {
      turn.sayPersonally("answer.not-yours");
      return;
    }
    turn.speak(turn.learner.language()); // verdicts are personal, in the presser's language
    Optional<Topic> topic = turn.curriculum.topic(delivered.get().topicId());
    if (topic.isEmpty()) {
      turn.sayPersonally("button.stale");
      return;
    }
    Question question = topic.get().question(delivered.get().questionId());
    int choice = (int) parts.get()[1];
    if (choice < 0 || choice >= question.choices().size()) {
      turn.sayPersonally("button.stale");
      return;
    }
    if (turn.repository.attempt(delivered.get().id(), turn.learner.id()).isPresent()) {
      turn.sayPersonally("answer.twice");
      return;
    }
    if (quiz.get().closed()) {
      turn.sayPersonally("quiz.closed");
      return;
    }
    record(turn, press, quiz.get(), enrollment.get(), delivered.get(), question, choice);
  }

  /** The enrollment the quiz belongs to, if this person may answer it. */
  private static Optional<Enrollment> owner(Turn turn, Quiz quiz) {
    Enrollment enrollment =
        turn.inGroup()
            ? Courses.enrollmentFor(turn)
            : turn.repository
                .learnerEnrollment(turn.learner.id(), turn.curriculum.id())
                .orElse(null);
    if (enrollment == null || !Objects.equals(enrollment.id(), quiz.enrollmentId())) {
      return Optional.empty();
    }
    return Optional.of(enrollment);
  }

  private void record(
      Turn turn,
      IncomingEvent.ButtonPress press,
      Quiz quiz,
      Enrollment enrollment,
      QuizQuestion delivered,
      Question question,
      int choice) {
    boolean correct = choice == question.correctIndex();
    turn.repository.addAttempt(
        new QuizAttempt(delivered.id(), turn.learner.id(), choice, correct, turn.now));
    reviews.record(turn, delivered, correct);
    RichText verdict = questions.verdict(question, choice, turn.language());
    OutgoingMessage message = OutgoingMessage.of(verdict);
    turn.reply(turn.inGroup() ? message.personal() : message.replacing(press.messageId()));
    List<QuizQuestion> all = turn.repository.questionsOf(quiz.id());
    if (turn.repository.answeredInQuiz(quiz.id(), turn.learner.id()) == all.size()) {
      finish(turn, quiz, enrollment, all);
    }
  }

  /** The learner answered every question: the day counts for the streak and the topic is done. */
  private static void finish(Turn turn, Quiz quiz, Enrollment enrollment, List<QuizQuestion> all) {
    Streak streak = turn.learner.streak().studiedOn(turn.learnerToday());
    turn.learner.setStreak(streak);
    if (!quiz.review()) {
      turn.repository.markCompleted(enrollment.id(), quiz.topicId(), turn.now);
    }
    if (!turn.inGroup()) {
      quiz.close();
    }
    long right =
        all.stream()
            .map(q -> turn.repository.attempt(q.id(), turn.learner.id()))
            .flatMap(Optional::stream)
            .filter(QuizAttempt::correct)
            .count();
    String summary = turn.text("quiz.finished", right, all.size(), streak.current());
    OutgoingMessage message = OutgoingMessage.text(summary);
    turn.reply(turn.inGroup() ? message.personal() : message);
  }
}
