package io.studybot.core.conversation;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import java.util.List;
import java.util.Locale;

/** /privacy: whether a learner appears in group leaderboards and weekly digests. */
final class PrivacyFlow {

  void privacy(Turn turn, List<String> args) {
    if (args.isEmpty()) {
      show(turn);
      return;
    }
    switch (args.get(0).toLowerCase(Locale.ROOT)) {
      case "on", "hide", "yes" -> set(turn, true);
      case "off", "show", "no" -> set(turn, false);
      default -> turn.say("privacy.usage");
    }
  }

  void press(Turn turn, Payload.Hide hide) {
    set(turn, hide.hidden());
  }

  private static void show(Turn turn) {
    boolean hidden = turn.learner.hidden();
    String state = turn.text(hidden ? "privacy.hidden" : "privacy.shown");
    Payload.Hide toggle = new Payload.Hide(!hidden);
    String label = turn.text(hidden ? "privacy.unhide" : "privacy.hide");
    turn.reply(
        OutgoingMessage.text(turn.text("privacy.show", state))
            .withButtons(List.of(List.of(new Button(label, toggle.token())))));
  }

  private static void set(Turn turn, boolean hidden) {
    turn.learner.setHidden(hidden);
    turn.say(hidden ? "privacy.hidden-done" : "privacy.shown-done");
  }
}
