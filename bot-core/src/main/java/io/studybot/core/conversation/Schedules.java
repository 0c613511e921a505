package io.studybot.core.conversation;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.study.DeliverySettings;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyOwner;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Keeps the delivery schedule in step with a learner's or a group's settings. */
final class Schedules {
  private Schedules() {}

  /**
   * A learner's lesson and quiz rows, created once they have a private chat with the bot, and
   * stopped when they have none any more.
   */
  static void sync(Turn turn, Learner learner) {
    Optional<ChatRef> home = learner.homeChat();
    if (home.isPresent()) {
      sync(turn, learner.owner(), learner.settings(), home.get(), learner.receivesDeliveries());
      return;
    }
    for (DeliveryKind kind : List.of(DeliveryKind.LESSON, DeliveryKind.QUIZ)) {
      turn.schedules
          .find(learner.owner(), kind)
          .ifPresent(
              row -> {
                row.configure(row.zone(), row.localTime(), row.chat(), false, turn.now);
                turn.schedules.save(row);
              });
    }
  }

  /** A group's rows, active while it is subscribed; groups also get a weekly digest. */
  static void sync(Turn turn, StudyGroup group) {
    sync(turn, group.owner(), group.settings(), group.chat(), group.subscribed());
    DeliverySettings settings = group.settings();
    configure(
        turn,
        group.owner(),
        DeliveryKind.DIGEST,
        settings,
        settings.lessonTime(),
        group.chat(),
        group.subscribed());
  }

  private static void sync(
      Turn turn, StudyOwner owner, DeliverySettings settings, ChatRef chat, boolean active) {
    configure(turn, owner, DeliveryKind.LESSON, settings, settings.lessonTime(), chat, active);
    configure(turn, owner, DeliveryKind.QUIZ, settings, settings.quizTime(), chat, active);
  }

  private static void configure(
      Turn turn,
      StudyOwner owner,
      DeliveryKind kind,
      DeliverySettings settings,
      LocalTime time,
      ChatRef chat,
      boolean active) {
    Optional<DeliverySchedule> existing = turn.schedules.find(owner, kind);
    if (existing.isEmpty() && !active) {
      return;
    }
    DeliverySchedule schedule =
        existing.orElseGet(
            () ->
                DeliverySchedule.create(
                    owner, kind, settings.zone(), time, chat, active, turn.now));
    schedule.configure(settings.zone(), time, chat, active, turn.now);
    turn.schedules.save(schedule);
  }
}
