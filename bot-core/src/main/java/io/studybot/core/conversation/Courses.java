package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Topic;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyOwner;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Finds the enrollment a turn is about: the group's course in a group chat, the learner's own in a
 * private chat. Both are created on first use, so every command works before /start.
 */
final class Courses {
  private Courses() {}

  static Enrollment enrollmentFor(Turn turn) {
    StudyOwner owner;
    if (turn.inGroup()) {
      StudyGroup group = groupFor(turn);
      turn.speakFor(group.language(), group.zone());
      owner = group.owner();
    } else {
      owner = turn.learner.owner();
    }
    return enrollmentOf(turn, owner);
  }

  /** The owner's enrollment in the turn's curriculum, created on first use. */
  static Enrollment enrollmentOf(Turn turn, StudyOwner owner) {
    String curriculumId = turn.curriculum.id();
    return turn.enrollments
        .find(owner, curriculumId)
        .orElseGet(() -> turn.enrollments.add(Enrollment.of(owner, curriculumId, turn.now)));
  }

  /** The group of the turn's chat; its language is that of whoever used it first. */
  static StudyGroup groupFor(Turn turn) {
    return turn.groups
        .byChat(turn.chat())
        .orElseGet(
            () -> {
              Language language = turn.learner.language();
              ZoneId zone = Defaults.zoneFor(language);
              return turn.groups.add(new StudyGroup(turn.chat(), language, zone, turn.now));
            });
  }

  static Optional<Topic> currentTopic(Turn turn, Enrollment enrollment) {
    return turn.curriculum.topicAt(enrollment.position());
  }
}
