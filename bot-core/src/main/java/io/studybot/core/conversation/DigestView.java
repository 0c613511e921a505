package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Question;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.study.GroupWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's weekly digest: the seven local days before the digest's day, its most active members
 * (those who hide from group views left out), the topics its quizzes covered, and the question the
 * group answered worst, with its answer and explanation. A week without quizzes sends nothing.
 */
final class DigestView {
  static final int MOST_ACTIVE = 3;

  void digest(Turn turn, LocalDate day) {
    ZonedDateTime end = day.atStartOfDay(turn.zone());
    ZonedDateTime start = day.minusDays(7).atStartOfDay(turn.zone());
    GroupWeek week = turn.quizzes.groupWeek(turn.chat(), start.toInstant(), end.toInstant());
    if (week.quiet()) {
      if (!week.topicIds().isEmpty()) {
        turn.say("digest.quiet"); // quizzes came, nobody answered: worth a nudge
      }
      return;
    }
    Language language = turn.language();
    RichText.Builder text = RichText.builder();
    text.paragraph(
        new RichText.Bold(turn.text("digest.title", start.toLocalDate(), day.minusDays(1))));
    text.paragraph(new RichText.Bold(turn.text("digest.active")));
    List<List<RichText.Span>> members = new ArrayList<>();
    for (GroupWeek.Member member :
        week.members().subList(0, Math.min(MOST_ACTIVE, week.members().size()))) {
      long percent = Math.round(100.0 * member.correct() / member.answers());
      members.add(
          RichText.marked(
              turn.text("digest.member", member.displayName(), member.answers(), percent)));
    }
    text.list(members);
    text.paragraph(RichText.marked(topics(turn, week, language)));
    week.hardestQuestion().ifPresent(hardest -> hardest(turn, text, hardest, language));
    turn.reply(OutgoingMessage.of(text.build()));
  }

  private static String topics(Turn turn, GroupWeek week, Language language) {
    List<String> titles =
        turn.curriculum.topics().stream()
            .filter(topic -> week.topicIds().contains(topic.id()))
            .map(topic -> topic.title().in(language))
            .toList();
    return titles.isEmpty()
        ? turn.text("digest.no-topics")
        : turn.text("digest.topics", String.join(", ", titles));
  }

  private static void hardest(
      Turn turn, RichText.Builder text, GroupWeek.QuestionStats stats, Language language) {
    Optional<Question> question =
        turn.curriculum.topic(stats.topicId()).flatMap(t -> t.findQuestion(stats.questionId()));
    if (question.isEmpty()) {
      return; // the curriculum changed since
    }
    Question asked = question.get();
    int right = asked.correctIndex();
    text.paragraph(
        new RichText.Bold(turn.text("digest.hardest", Math.round(stats.accuracy() * 100))));
    text.paragraph(RichText.marked(asked.prompt().in(language)));
    asked.code().ifPresent(text::code);
    text.paragraph(
        RichText.marked(
            turn.text("digest.answer", asked.choices().get(right).text().in(language))));
    text.paragraph(RichText.marked(asked.explanation().in(language)));
  }
}
