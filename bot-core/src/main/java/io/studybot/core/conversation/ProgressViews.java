package io.studybot.core.conversation;

import io.studybot.content.Phase;
import io.studybot.content.Topic;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.RichText;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.LeaderboardRow;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /progress for a learner or, in a group, the group's leaderboard; and /topics, the syllabus. */
final class ProgressViews {
  private static final Logger log = LoggerFactory.getLogger(ProgressViews.class);
  private static final int LEADERBOARD_SIZE = 20;

  private final Reviews reviews;

  ProgressViews(Reviews reviews) {
    this.reviews = reviews;
  }

  void progress(Turn turn) {
    if (turn.inGroup()) {
      leaderboard(turn);
      return;
    }
    Enrollment enrollment = Courses.enrollmentFor(turn);
    Learner learner = turn.learner;
    int total = turn.curriculum.topics().size();
    Set<String> doneTopics = done(turn, enrollment);
    int done = doneTopics.size();
    LearnerStats stats = turn.quizzes.stats(learner.id());
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold(turn.text("progress.title", learner.displayName())));
    List<List<RichText.Span>> lines = new ArrayList<>();
    String current =
        Courses.currentTopic(turn, enrollment)
            .map(
                topic ->
                    turn.text(
                        "progress.current",
                        enrollment.position() + 1,
                        total,
                        topic.title().in(turn.language())))
            .orElse(turn.text("course.finished"));
    lines.add(line(current));
    int testedOut = turn.enrollments.testedOutTopics(enrollment.id()).size();
    lines.add(
        line(
            testedOut == 0
                ? turn.text("progress.done", done, total)
                : turn.text("progress.done-tested", done, total, testedOut)));
    lines.add(line(turn.text("progress.answers", stats.answered(), stats.accuracyPercent())));
    var streak = learner.streak();
    lines.add(line(turn.text("progress.streak", shownStreak(learner, turn), streak.best())));
    lines.add(line(reviewLine(turn)));
    lines.add(
        line(
            turn.text(
                learner.paused() ? "progress.schedule-paused" : "progress.schedule",
                learner.lessonTime(),
                learner.quizTime(),
                learner.zone().getId())));
    text.list(lines);
    OutgoingMessage message = OutgoingMessage.of(text.build());
    turn.reply(picture(turn, doneTopics).map(message::withPicture).orElse(message));
  }

  private static Set<String> done(Turn turn, Enrollment enrollment) {
    return turn.enrollments.completedTopics(enrollment.id());
  }

  /**
   * Topics done per phase and the study days of the last twelve weeks, drawn; none when the machine
   * cannot draw (the text says it all in words).
   */
  private static Optional<Picture> picture(Turn turn, Set<String> done) {
    try {
      List<ProgressPicture.PhaseBar> bars =
          turn.curriculum.phases().stream()
              .map(
                  phase ->
                      new ProgressPicture.PhaseBar(
                          (int) phase.topics().stream().filter(t -> done.contains(t.id())).count(),
                          phase.topics().size()))
              .toList();
      LocalDate today = turn.learnerToday();
      ZoneId zone = turn.learner.zone();
      Instant since = today.minusWeeks(ProgressPicture.WEEKS).atStartOfDay(zone).toInstant();
      Set<LocalDate> days = new HashSet<>();
      for (Instant answered : turn.quizzes.answerTimes(turn.learner.id(), since)) {
        days.add(answered.atZone(zone).toLocalDate());
      }
      byte[] png = ProgressPicture.render(bars, days, today);
      return Optional.of(new Picture("progress.png", png, turn.text("progress.picture")));
    } catch (RuntimeException | LinkageError e) {
      log.warn("Drawing the progress picture failed; the text goes alone: {}", e.toString());
      return Optional.empty();
    }
  }

  /** While paused the streak is frozen; otherwise it shows as broken once a day was missed. */
  private static int shownStreak(Learner learner, Turn turn) {
    return learner.paused()
        ? learner.streak().current()
        : learner.streak().currentOn(turn.learnerToday());
  }

  /** Reviews due by the end of the learner's day, and how much they are likely to remember now. */
  private String reviewLine(Turn turn) {
    var endOfDay = turn.learnerToday().plusDays(1).atStartOfDay(turn.learner.zone()).toInstant();
    long due = reviews.dueBy(turn, endOfDay);
    var retention = reviews.estimatedRetention(turn);
    return retention.isPresent()
        ? turn.text("progress.reviews", due, Math.round(retention.getAsDouble() * 100))
        : turn.text("progress.reviews-none");
  }

  private static void leaderboard(Turn turn) {
    Courses.enrollmentFor(turn); // speaks the group's language
    List<LeaderboardRow> board = turn.quizzes.leaderboard(turn.chat());
    if (board.isEmpty()) {
      turn.say("leaderboard.empty");
      return;
    }
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold(turn.text("leaderboard.title", board.size())));
    List<List<RichText.Span>> lines = new ArrayList<>();
    for (int i = 0; i < Math.min(LEADERBOARD_SIZE, board.size()); i++) {
      LeaderboardRow row = board.get(i);
      int streak =
          row.learner().streak().currentOn(turn.now.atZone(row.learner().zone()).toLocalDate());
      lines.add(
          line(
              turn.text(
                  "leaderboard.row",
                  i + 1,
                  row.learner().displayName(),
                  row.topicsDone(),
                  row.statsInGroup().accuracyPercent(),
                  streak)));
    }
    text.list(lines);
    turn.reply(OutgoingMessage.of(text.build()));
  }

  /** The phases with counts, and the topics of one phase (the current one unless asked). */
  static void topics(Turn turn, List<String> args) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    Set<String> done = turn.enrollments.completedTopics(enrollment.id());
    Set<String> testedOut = turn.enrollments.testedOutTopics(enrollment.id());
    List<Phase> phases = turn.curriculum.phases();
    int shown = phaseToShow(turn, enrollment, args);
    if (shown < 0) {
      turn.say("topics.bad-phase", phases.size());
      return;
    }
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold(turn.curriculum.title().in(turn.language())));
    List<List<RichText.Span>> phaseLines = new ArrayList<>();
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      long phaseDone = phase.topics().stream().filter(topic -> done.contains(topic.id())).count();
      phaseLines.add(
          line(
              turn.text(
                  "topics.phase",
                  i + 1,
                  phase.title().in(turn.language()),
                  phaseDone,
                  phase.topics().size())));
    }
    text.list(phaseLines);
    Phase phase = phases.get(shown);
    text.paragraph(new RichText.Bold(phase.title().in(turn.language())));
    int position = turn.curriculum.topics().indexOf(phase.topics().get(0));
    List<List<RichText.Span>> topicLines = new ArrayList<>();
    for (Topic topic : phase.topics()) {
      String mark =
          position == enrollment.position()
              ? "▶"
              : testedOut.contains(topic.id()) ? "⏭" : done.contains(topic.id()) ? "✅" : "·";
      topicLines.add(line(mark + " " + (position + 1) + ". " + topic.title().in(turn.language())));
      position++;
    }
    text.list(topicLines);
    text.paragraph(RichText.marked(turn.text("topics.legend", phases.size())));
    turn.reply(OutgoingMessage.of(text.build()));
  }

  private static int phaseToShow(Turn turn, Enrollment enrollment, List<String> args) {
    List<Phase> phases = turn.curriculum.phases();
    if (!args.isEmpty()) {
      try {
        int asked = Integer.parseInt(args.get(0)) - 1;
        return asked >= 0 && asked < phases.size() ? asked : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    int position = Math.min(enrollment.position(), turn.curriculum.topics().size() - 1);
    Topic current = turn.curriculum.topics().get(position);
    return turn.curriculum.phaseIndexOf(current).orElse(0);
  }

  private static List<RichText.Span> line(String text) {
    return RichText.marked(text);
  }
}
