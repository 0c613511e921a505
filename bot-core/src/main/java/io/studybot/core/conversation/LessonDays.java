package io.studybot.core.conversation;

import io.studybot.core.schedule.DeliveryKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A learner's or a group's study day: a learner's daily quiz is open for its local day only, a
 * group's until its next timed lesson or quiz on a later day; a lesson taken by command counts as
 * the day's lesson, and onboarding ends with the first lesson.
 */
final class LessonDays {
  private LessonDays() {}

  /**
   * Closes the learner's daily quiz once its local day is over: its unanswered questions count as
   * missed and come back for review. Runs before every private event (an answer press checks the
   * quiz it names instead, in {@code AnswerFlow}) and timed delivery, so the learner never sees
   * yesterday's quiz still open.
   */
  static void closeEndedQuiz(Turn turn, StudyFlow study) {
    if (turn.isGroupDelivery() || turn.inGroup()) {
      return;
    }
    turn.enrollments
        .find(turn.learner.owner(), turn.curriculum.id())
        .flatMap(enrollment -> turn.quizzes.openQuiz(enrollment.id(), false))
        .filter(quiz -> quiz.localDay().isBefore(turn.today()))
        .ifPresent(quiz -> study.closeQuiz(turn, quiz));
  }

  /**
   * A group's timed lesson or quiz of {@code day} closes the group's quiz of an earlier day, which
   * posts its answers. Members may answer a quiz until then, whenever they read it.
   */
  static void closeEarlierGroupQuiz(Turn turn, LocalDate day, StudyFlow study) {
    turn.quizzes
        .openQuiz(Courses.enrollmentFor(turn).id(), false)
        .filter(quiz -> quiz.localDay().isBefore(day))
        .ifPresent(quiz -> study.closeQuiz(turn, quiz));
  }

  /**
   * The learner's day had its lesson by command (/today, /next, /skip, onboarding): that day's
   * timed lesson is not sent; the lesson row waits for the next local day.
   */
  static void lessonTaken(Turn turn) {
    if (turn.isGroupDelivery() || turn.inGroup()) {
      return;
    }
    Schedules.sync(turn, turn.learner); // settings changed in this turn apply before the move
    moveOn(turn, DeliveryKind.LESSON, true);
  }

  /**
   * Onboarding is over: the first lesson now, the first quiz at the next quiz time, whatever the
   * choices changed. Every learner with the same choices gets the same first day.
   */
  static void firstDay(Turn turn, StudyFlow study) {
    Schedules.sync(turn, turn.learner);
    study.lessonOfTheDay(turn);
    moveOn(turn, DeliveryKind.QUIZ, false);
  }

  /** The row's next due instant after now; past today too if today had its delivery. */
  private static void moveOn(Turn turn, DeliveryKind kind, boolean todayTaken) {
    LocalDate today = turn.today();
    turn.schedules
        .find(turn.learner.owner(), kind)
        .ifPresent(
            row -> {
              Optional<LocalDate> taken =
                  todayTaken
                      ? Optional.of(row.lastLocalDate().filter(today::isBefore).orElse(today))
                      : row.lastLocalDate();
              row.dueNext(turn.now, taken);
              turn.schedules.save(row);
            });
  }
}
