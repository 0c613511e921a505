package io.studybot.core.conversation;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import java.util.List;

/** /pause, /resume and /forget: a learner's control over deliveries and their data. */
final class AccountFlow {
  private final int maxFrozenDays;

  AccountFlow(int maxFrozenDays) {
    this.maxFrozenDays = maxFrozenDays;
  }

  void pause(Turn turn) {
    turn.learner.pause(turn.learnerToday());
    turn.scheduleChanged();
    turn.say("pause.done", maxFrozenDays);
  }

  void resume(Turn turn) {
    turn.learner.resume(turn.learnerToday(), maxFrozenDays);
    turn.scheduleChanged();
    turn.say("resume.done", turn.learner.lessonTime(), turn.learner.quizTime());
  }

  void forget(Turn turn) {
    turn.reply(
        OutgoingMessage.text(turn.text("forget.confirm"))
            .withButtons(
                List.of(
                    List.of(
                        new Button(turn.text("forget.yes"), new Payload.Forget(true).token()),
                        new Button(turn.text("forget.no"), new Payload.Forget(false).token())))));
  }

  void forgetAnswer(Turn turn, Payload.Forget answer) {
    if (answer.confirmed() && !turn.inGroup()) {
      turn.learners.delete(turn.learner.id());
      turn.forget();
      turn.say("forget.done");
    } else {
      turn.say("forget.kept");
    }
  }
}
