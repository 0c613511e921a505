package io.studybot.core.conversation;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyGroup;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Keeps the delivery schedule in step with a learner's or a group's settings. */
final class Schedules {
  private Schedules() {}

  /** A learner's lesson and quiz rows, created once they have a private chat with the bot. */
  static void sync(Turn turn, Learner learner) {
    Optional<ChatRef> home = learner.homeChat();
    if (home.isEmpty()) {
      return;
    }
    boolean active = learner.receivesDeliveries();
    configure(
        turn,
        learner.id(),
        null,
        DeliveryKind.LESSON,
        learner.zone(),
        learner.lessonTime(),
        home.get(),
        active,
        turn.now);
    configure(
        turn,
        learner.id(),
        null,
        DeliveryKind.QUIZ,
        learner.zone(),
        learner.quizTime(),
        home.get(),
        active,
        turn.now);
  }

  /** A group's rows, active while it is subscribed. */
  static void sync(Turn turn, StudyGroup group) {
    boolean active = group.subscribed() && !group.paused();
    configure(
        turn,
        null,
        group.id(),
        DeliveryKind.LESSON,
        group.zone(),
        group.lessonTime(),
        group.chat(),
        active,
        turn.now);
    configure(
        turn,
        null,
        group.id(),
        DeliveryKind.QUIZ,
        group.zone(),
        group.quizTime(),
        group.chat(),
        active,
        turn.now);
  }

  private static void configure(
      Turn turn,
      @Nullable Long learnerId,
      @Nullable Long groupId,
      DeliveryKind kind,
      ZoneId zone,
      LocalTime time,
      ChatRef chat,
      boolean active,
      Instant now) {
    Optional<DeliverySchedule> existing = turn.repository.schedule(learnerId, groupId, kind);
    if (existing.isEmpty() && !active) {
      return;
    }
    DeliverySchedule schedule =
        existing.orElseGet(
            () -> {
              DeliverySchedule created =
                  learnerId != null
                      ? DeliverySchedule.forLearner(learnerId, kind)
                      : DeliverySchedule.forGroup(Objects.requireNonNull(groupId), kind);
              created.configure(zone, time, chat, active, now);
              turn.repository.addSchedule(created);
              return created;
            });
    schedule.configure(zone, time, chat, active, now);
  }
}
