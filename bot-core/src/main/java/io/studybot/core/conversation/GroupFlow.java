package io.studybot.core.conversation;

import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.study.StudyGroup;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /subscribe and /unsubscribe (group chats only, as the command catalog says): a group's daily
 * lesson and quiz, posted into the group at its own times and zone. Only the group's admins may
 * change them (checked with every admin-only command, as the adapter tells), and only where the bot
 * may post: a chat where the adapter says the bot lacks permissions is refused, unchanged.
 */
final class GroupFlow {

  void subscribe(Turn turn, List<String> args) {
    List<String> missing = botMissingRights(turn);
    if (!missing.isEmpty()) {
      refuseWithoutRights(turn, missing);
      return;
    }
    StudyGroup group = groupWithCourse(turn);
    List<LocalTime> times = new ArrayList<>();
    Optional<ZoneId> zone = Optional.empty();
    for (String arg : args) {
      Optional<LocalTime> time = SettingsInput.time(arg);
      Optional<ZoneId> asZone = SettingsInput.zone(arg);
      if (time.isPresent() && times.size() < 2) {
        times.add(time.get());
      } else if (asZone.isPresent() && zone.isEmpty()) {
        zone = asZone;
      } else {
        turn.say("subscribe.usage", arg);
        return;
      }
    }
    LocalTime lesson = times.isEmpty() ? group.lessonTime() : times.get(0);
    LocalTime quiz = times.size() < 2 ? group.quizTime() : times.get(1);
    ZoneId groupZone = zone.orElse(group.zone());
    group.subscribe(lesson, quiz, groupZone);
    group.postIn(turn.chat().topic()); // subscribed in a forum topic: the posts go there
    group.onServer(turn.chat().server());
    turn.speakFor(group.language(), groupZone);
    Schedules.sync(turn, group);
    turn.say("subscribe.done", lesson, quiz, groupZone.getId());
  }

  void unsubscribe(Turn turn) {
    StudyGroup group = groupWithCourse(turn);
    group.unsubscribe();
    Schedules.sync(turn, group);
    turn.say("unsubscribe.done");
  }

  /**
   * Says which permissions the bot needs first, in the group's language when it has one; creates
   * nothing, so the refused chat stays exactly as it was.
   */
  private static void refuseWithoutRights(Turn turn, List<String> missing) {
    turn.groups
        .byChat(turn.chat())
        .ifPresent(group -> turn.speakFor(group.language(), group.zone()));
    turn.sayPersonally("subscribe.missing-rights", String.join(", ", missing));
  }

  private static List<String> botMissingRights(Turn turn) {
    return turn.event instanceof IncomingEvent.Command command
        ? command.botMissingRights()
        : List.of();
  }

  /** The turn's group; its course exists from here on, so the replies speak its language. */
  private static StudyGroup groupWithCourse(Turn turn) {
    StudyGroup group = Courses.groupFor(turn);
    Courses.enrollmentFor(turn);
    return group;
  }
}
