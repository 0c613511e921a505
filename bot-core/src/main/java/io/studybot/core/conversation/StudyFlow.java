package io.studybot.core.conversation;

import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Lessons and quizzes: /today, /quiz, /next, /skip. Answers are handled by {@link AnswerFlow}. */
final class StudyFlow {
  private final LessonView lessons;
  private final QuestionView questions;
  private final QuizAnswersView answers;
  private final StudyRules rules;
  private final Reviews reviews;

  StudyFlow(Messages messages, StudyRules rules, Reviews reviews) {
    this.lessons = new LessonView(messages);
    this.questions = new QuestionView(messages);
    this.answers = new QuizAnswersView();
    this.rules = rules;
    this.reviews = reviews;
  }

  void today(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    Optional<Topic> topic = topicOrFinished(turn, enrollment);
    if (topic.isEmpty()) {
      return;
    }
    int total = turn.curriculum.topics().size();
    turn.reply(lessons.render(topic.get(), enrollment.position() + 1, total, turn.language()));
    if (!turn.inGroup() && enrollment.waiting()) {
      turn.say("lesson.waiting");
    }
  }

  /**
   * /today in a private chat: the day's lesson, counted as the timed one would be (the course moves
   * on if this is a new local day), so that day's timed lesson is not sent again.
   */
  void lessonOfTheDay(Turn turn) {
    if (!turn.inGroup()) {
      Courses.enrollmentFor(turn).startLessonDay(turn.today());
      LessonDays.lessonTaken(turn);
    }
    today(turn);
  }

  void quiz(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    Optional<Topic> current = topicOrFinished(turn, enrollment);
    if (current.isEmpty()) {
      return;
    }
    Topic topic = current.get();
    Optional<Quiz> open = turn.quizzes.openQuiz(enrollment.id(), false);
    if (open.isPresent()
        && open.get().topicId().equals(topic.id())
        && open.get().deliveredTo(turn.chat())) {
      resendUnanswered(turn, open.get(), topic);
      return;
    }
    open.ifPresent(stale -> closeQuiz(turn, stale));
    List<QuestionRef> picked = new ArrayList<>(pickQuestions(turn, topic));
    if (!turn.inGroup()) {
      picked.addAll(reviews.forDailyQuiz(turn, enrollment, turn.today(), Set.of(topic.id())));
    }
    Quiz quiz = new Quiz(enrollment.id(), topic.id(), turn.chat(), turn.today(), turn.now);
    List<QuizQuestion> delivered = turn.quizzes.add(quiz, picked);
    turn.say("quiz.intro", topic.title().in(turn.language()), delivered.size());
    delivered.forEach(question -> send(turn, question, delivered.size()));
  }

  /** /review: the learner's due cards now, whatever today's allowance. */
  void review(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    turn.quizzes.openQuiz(enrollment.id(), true).ifPresent(Quiz::close);
    List<QuestionRef> due = reviews.onRequest(turn);
    if (due.isEmpty()) {
      turn.say("review.none");
      return;
    }
    String current = Courses.currentTopic(turn, enrollment).map(Topic::id).orElse("");
    Quiz quiz = Quiz.ofReviews(enrollment.id(), current, turn.chat(), turn.today(), turn.now);
    List<QuizQuestion> delivered = turn.quizzes.add(quiz, due);
    turn.say("review.intro", delivered.size());
    delivered.forEach(question -> send(turn, question, delivered.size()));
  }

  void next(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    if (topicOrFinished(turn, enrollment).isEmpty()) {
      return;
    }
    if (!turn.inGroup()) { // the next lesson ends the open quiz, and is the day's lesson
      turn.quizzes.openQuiz(enrollment.id(), false).ifPresent(open -> closeQuiz(turn, open));
      movedOnByHand(turn, enrollment);
    }
    enrollment.advance();
    today(turn);
  }

  /** /next or /skip in a private chat: the course stops waiting, and the day had its lesson. */
  private static void movedOnByHand(Turn turn, Enrollment enrollment) {
    enrollment.resume();
    enrollment.markLessonDay(turn.today());
    LessonDays.lessonTaken(turn);
  }

  /** Skips the current topic: its open questions count as missed, and the next lesson follows. */
  void skip(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    Optional<Topic> topic = topicOrFinished(turn, enrollment);
    if (topic.isEmpty()) {
      return;
    }
    turn.quizzes.openQuiz(enrollment.id(), false).ifPresent(open -> closeQuiz(turn, open));
    turn.say("skip.done", topic.get().title().in(turn.language()));
    if (!turn.inGroup()) {
      movedOnByHand(turn, enrollment);
    }
    enrollment.advance();
    today(turn);
  }

  /** The current topic; at the end of the course, says so and gives none. */
  private static Optional<Topic> topicOrFinished(Turn turn, Enrollment enrollment) {
    Optional<Topic> topic = Courses.currentTopic(turn, enrollment);
    if (topic.isEmpty()) {
      turn.say("course.finished");
    }
    return topic;
  }

  /** Questions the learner has not answered yet come first, in the curriculum's order. */
  private List<QuestionRef> pickQuestions(Turn turn, Topic topic) {
    Set<String> answered =
        turn.inGroup() ? Set.of() : turn.quizzes.answeredQuestionIds(turn.learner.id(), topic.id());
    List<QuestionRef> fresh = new ArrayList<>();
    List<QuestionRef> seen = new ArrayList<>();
    for (Question question : topic.questions()) {
      QuestionRef ref = new QuestionRef(topic.id(), question.id(), false);
      (answered.contains(question.id()) ? seen : fresh).add(ref);
    }
    fresh.addAll(seen);
    return fresh.subList(0, Math.min(rules.questionsPerQuiz(), fresh.size()));
  }

  private void resendUnanswered(Turn turn, Quiz quiz, Topic topic) {
    List<QuizQuestion> all = turn.quizzes.questionsOf(quiz.id());
    turn.say("quiz.resume", topic.title().in(turn.language()));
    List<QuizQuestion> toSend =
        turn.isGroupDelivery() ? all : turn.quizzes.unanswered(quiz.id(), turn.learner.id());
    for (QuizQuestion question : toSend) {
      send(turn, question, all.size());
    }
  }

  private void send(Turn turn, QuizQuestion delivered, int count) {
    Optional<Topic> topic = turn.curriculum.topic(delivered.topicId());
    if (topic.isEmpty()) {
      return; // the curriculum changed since the quiz was made
    }
    Optional<Question> question = topic.get().findQuestion(delivered.questionId());
    if (question.isEmpty()) {
      return;
    }
    Optional<String> reviewOf =
        delivered.review()
            ? Optional.of(topic.get().title().in(turn.language()))
            : Optional.empty();
    turn.reply(
        questions.render(
            question.get(),
            delivered.id(),
            QuestionPlace.of(turn.curriculum, delivered.topicId(), delivered.questionId()),
            delivered.ordinal() + 1,
            count,
            reviewOf,
            turn.language()));
  }

  /**
   * Closes a quiz. In a private chat its unanswered questions are recorded as missed, and so come
   * back for review; in a group its answers are posted, if any member answered. A quiz closes once,
   * so its answers are never posted twice.
   */
  void closeQuiz(Turn turn, Quiz quiz) {
    if (quiz.closed()) {
      return;
    }
    if (turn.inGroup()) {
      answers.render(turn, quiz).ifPresent(turn::reply);
    } else {
      recordMisses(turn, quiz);
    }
    quiz.close();
  }

  private void recordMisses(Turn turn, Quiz quiz) {
    List<QuizQuestion> unanswered = turn.quizzes.unanswered(quiz.id(), turn.learner.id());
    if (!quiz.review()) {
      boolean answered = unanswered.size() < turn.quizzes.questionsOf(quiz.id()).size();
      Courses.enrollmentFor(turn).quizClosed(answered);
    }
    for (QuizQuestion question : unanswered) {
      QuizAttempt missed =
          new QuizAttempt(question.id(), turn.learner.id(), QuizAttempt.MISSED, false, turn.now);
      if (turn.quizzes.recordAnswer(missed).recorded()) {
        reviews.record(turn, question, false);
      }
    }
  }
}
