package io.studybot.core.conversation;

import io.studybot.content.ContentProblem;
import io.studybot.content.Curriculum;
import io.studybot.content.LoadedCurriculum;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.state.OperatorStats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /admin stats|broadcast|reload}, for the operators listed in {@link Admins} and in a
 * private chat only, since a group would see the answers. To anyone else the command does not
 * exist.
 */
final class AdminFlow {
  static final String COMMAND = "admin";

  /** Leaves room under Telegram's 4,096 characters for the heading. */
  static final int MAX_BROADCAST_CHARS = 3000;

  private static final int PROBLEMS_SHOWN = 5;

  private final Admins admins;
  private final LiveCurriculum curriculum;

  AdminFlow(Admins admins, LiveCurriculum curriculum) {
    this.admins = admins;
    this.curriculum = curriculum;
  }

  /** Whether the turn's sender may use {@code /admin}. */
  boolean admits(Turn turn) {
    return admins.includes(turn.event.user());
  }

  void admin(Turn turn, List<String> args) {
    if (turn.inGroup()) {
      turn.sayPersonally("admin.private-only");
      return;
    }
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "stats" -> stats(turn);
      case "broadcast" -> broadcast(turn, args.subList(1, args.size()));
      case "reload" -> reload(turn);
      default -> turn.say("admin.usage");
    }
  }

  private static void stats(Turn turn) {
    OperatorStats stats = turn.operators.stats(turn.now);
    turn.say(
        "admin.stats",
        stats.learners(),
        stats.activeLearners(),
        stats.subscribedGroups(),
        stats.groups(),
        stats.sentToday(),
        stats.failedToday(),
        stats.pending());
  }

  /** The words after {@code broadcast}, as the platform split them, joined by single spaces. */
  private static void broadcast(Turn turn, List<String> words) {
    String text = String.join(" ", words).strip();
    if (text.isEmpty()) {
      turn.say("admin.broadcast.empty");
      return;
    }
    if (text.length() > MAX_BROADCAST_CHARS) {
      turn.say("admin.broadcast.too-long", MAX_BROADCAST_CHARS, text.length());
      return;
    }
    int queued = turn.operators.queueBroadcast(text, turn.now);
    turn.say("admin.broadcast.queued", queued);
  }

  /**
   * A valid curriculum replaces the course once the turn has committed; a broken one changes
   * nothing.
   */
  private void reload(Turn turn) {
    LoadedCurriculum loaded = loadSafely();
    if (!loaded.isValid()) {
      List<ContentProblem> problems = loaded.problems();
      String first =
          problems.stream()
              .limit(PROBLEMS_SHOWN)
              .map(ContentProblem::toString)
              .collect(Collectors.joining("\n"));
      turn.say("admin.reload.refused", problems.size(), first);
      return;
    }
    Curriculum fresh = loaded.curriculum().orElseThrow();
    turn.afterCommit(() -> curriculum.replace(fresh));
    turn.say("admin.reload.done", fresh.topics().size(), fresh.id());
  }

  /** A source that cannot be read at all is one more problem, not a failed turn. */
  private LoadedCurriculum loadSafely() {
    try {
      LoadedCurriculum loaded = curriculum.load();
      if (loaded.curriculum().isEmpty() && loaded.problems().isEmpty()) {
        return failed("no curriculum found");
      }
      return loaded;
    } catch (RuntimeException e) {
      return failed(String.valueOf(e.getMessage()));
    }
  }

  private static LoadedCurriculum failed(String message) {
    return new LoadedCurriculum(
        Optional.empty(), List.of(new ContentProblem("curriculum", 0, message)));
  }

  /** A queued broadcast's message: a heading in the chat's language, then the operator's text. */
  static List<io.studybot.core.chat.Reply> deliver(Turn turn, long outboxId) {
    turn.operators
        .broadcastText(outboxId)
        .ifPresent(
            text ->
                turn.reply(OutgoingMessage.text(turn.text("broadcast.heading") + "\n\n" + text)));
    return turn.replies();
  }
}
