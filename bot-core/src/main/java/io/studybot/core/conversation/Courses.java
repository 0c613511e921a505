package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Topic;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.StudyGroup;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Finds the enrollment a turn is about: the group's course in a group chat, the learner's own in a
 * private chat. Both are created on first use, so every command works before /start.
 */
final class Courses {
  private Courses() {}

  static Enrollment enrollmentFor(Turn turn) {
    String curriculumId = turn.curriculum.id();
    if (turn.inGroup()) {
      StudyGroup group = groupFor(turn);
      turn.speakFor(group.language(), group.zone());
      return turn.repository
          .groupEnrollment(group.id(), curriculumId)
          .orElseGet(
              () ->
                  turn.repository.addEnrollment(
                      Enrollment.ofGroup(group.id(), curriculumId, turn.now)));
    }
    return turn.repository
        .learnerEnrollment(turn.learner.id(), curriculumId)
        .orElseGet(
            () ->
                turn.repository.addEnrollment(
                    Enrollment.ofLearner(turn.learner.id(), curriculumId, turn.now)));
  }

  /** The group of the turn's chat; its language is that of whoever used it first. */
  static StudyGroup groupFor(Turn turn) {
    return turn.repository
        .group(turn.chat())
        .orElseGet(
            () -> {
              Language language = turn.learner.language();
              ZoneId zone = Defaults.zoneFor(language);
              return turn.repository.addGroup(
                  new StudyGroup(turn.chat(), language, zone, turn.now));
            });
  }

  static Optional<Topic> currentTopic(Turn turn, Enrollment enrollment) {
    return turn.curriculum.topicAt(enrollment.position());
  }
}
