package io.studybot.content;

import static io.studybot.content.ContentLimits.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rules a loaded curriculum must keep beyond its shape: ids, answers, lengths, order. */
final class CurriculumValidator {
  private final List<ContentProblem> problems = new ArrayList<>();

  List<ContentProblem> validate(Curriculum curriculum) {
    Map<String, Topic> topics = uniqueTopics(curriculum);
    List<Topic> ordered = curriculum.topics();
    for (Topic topic : ordered) {
      checkTopic(topic);
    }
    checkPrerequisites(ordered, topics);
    return problems;
  }

  private Map<String, Topic> uniqueTopics(Curriculum curriculum) {
    Map<String, Topic> byId = new LinkedHashMap<>();
    for (Topic topic : curriculum.topics()) {
      Topic first = byId.putIfAbsent(topic.id(), topic);
      if (first != null) {
        problem(
            topic.origin(),
            "duplicate topic id '" + topic.id() + "' (first at " + first.origin() + ")");
      }
    }
    return byId;
  }

  private void checkTopic(Topic topic) {
    String what = "topic '" + topic.id() + "'";
    checkLength(topic.origin(), what + " title", topic.title(), TITLE_MAX);
    if (topic.seeds().isEmpty()) {
      problem(topic.origin(), what + " names no roadmap bullet in 'seed'");
    }
    checkLesson(topic, what + " lesson");
    if (topic.questions().size() < QUESTIONS_MIN) {
      problem(
          topic.origin(),
          what
              + " has "
              + topic.questions().size()
              + " questions; at least "
              + QUESTIONS_MIN
              + " needed");
    }
    Set<String> questionIds = new HashSet<>();
    for (Question question : topic.questions()) {
      if (!questionIds.add(question.id())) {
        problem(question.origin(), "duplicate question id '" + question.id() + "' in " + what);
      }
      checkQuestion(question, "question '" + topic.id() + "/" + question.id() + "'");
    }
  }

  private void checkLesson(Topic topic, String what) {
    Lesson lesson = topic.lesson();
    Origin origin = topic.origin();
    int zh = lesson.length(Language.ZH);
    if (zh < LESSON_ZH_MIN || zh > LESSON_ZH_MAX) {
      problem(
          origin,
          what
              + " has "
              + zh
              + " characters in zh; it must have "
              + LESSON_ZH_MIN
              + "-"
              + LESSON_ZH_MAX);
    }
    int en = lesson.length(Language.EN);
    if (en > LESSON_EN_MAX) {
      problem(origin, what + " has " + en + " characters in en; at most " + LESSON_EN_MAX);
    }
    if (lesson.points().size() < POINTS_MIN || lesson.points().size() > POINTS_MAX) {
      problem(
          origin,
          what
              + " has "
              + lesson.points().size()
              + " key points; it must have "
              + POINTS_MIN
              + "-"
              + POINTS_MAX);
    }
    lesson.code().ifPresent(code -> checkLessonCode(origin, what + " code", code));
    if (lesson.links().size() < LINKS_MIN || lesson.links().size() > LINKS_MAX) {
      problem(
          origin,
          what
              + " has "
              + lesson.links().size()
              + " links; it must have "
              + LINKS_MIN
              + "-"
              + LINKS_MAX);
    }
    for (Link link : lesson.links()) {
      if (!link.url().startsWith("https://")) {
        problem(origin, what + " link '" + link.url() + "' must be an https:// address");
      }
    }
  }

  private void checkQuestion(Question question, String what) {
    Origin origin = question.origin();
    checkLength(origin, what + " prompt", question.prompt(), PROMPT_MAX);
    if (question.kind() == QuestionKind.CODE && question.code().isEmpty()) {
      problem(origin, what + " is a code question without 'code'");
    }
    question.code().ifPresent(code -> checkCode(origin, what + " code", code));
    if (question.kind() != QuestionKind.TRUE_FALSE) {
      int count = question.choices().size();
      if (count < CHOICES_MIN || count > CHOICES_MAX) {
        problem(
            origin,
            what + " has " + count + " options; it must have " + CHOICES_MIN + "-" + CHOICES_MAX);
      }
    }
    long correct = question.choices().stream().filter(Choice::correct).count();
    if (correct != 1) {
      problem(origin, what + " has " + correct + " correct options; exactly one is needed");
    }
    for (Choice choice : question.choices()) {
      checkLength(origin, what + " option", choice.text(), CHOICE_MAX);
    }
    if (question.explanation().zh().isBlank() || question.explanation().en().isBlank()) {
      problem(origin, what + " has an empty explanation");
    }
    checkLength(origin, what + " explanation", question.explanation(), EXPLANATION_MAX);
  }

  /** Each language's version fits, and the versions differ only in their comments. */
  private void checkLessonCode(Origin origin, String what, LocalizedText code) {
    for (Language language : Language.values()) {
      checkCode(origin, what + " (" + language.code() + ")", code.in(language));
    }
    List<String> zh = withoutComments(code.in(Language.ZH));
    List<String> en = withoutComments(code.in(Language.EN));
    if (!zh.equals(en)) {
      problem(origin, what + ": the zh and en versions may differ only in their # comments");
    }
  }

  /** Each line up to its first {@code #}, trailing spaces dropped; blank lines kept. */
  private static List<String> withoutComments(String code) {
    return code.lines()
        .map(line -> line.indexOf('#') < 0 ? line : line.substring(0, line.indexOf('#')))
        .map(String::stripTrailing)
        .toList();
  }

  private void checkCode(Origin origin, String what, String code) {
    long lines = code.lines().count();
    if (lines > CODE_MAX_LINES) {
      problem(origin, what + " has " + lines + " lines; at most " + CODE_MAX_LINES);
    }
  }

  private void checkLength(Origin origin, String what, LocalizedText text, int max) {
    for (Language language : Language.values()) {
      int length = text.in(language).length();
      if (length > max) {
        problem(
            origin,
            what + " has " + length + " characters in " + language.code() + "; at most " + max);
      }
    }
  }

  /** Prerequisites must exist and come earlier; a cycle is named as such. */
  private void checkPrerequisites(List<Topic> ordered, Map<String, Topic> byId) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      position.putIfAbsent(ordered.get(i).id(), i);
    }
    for (Topic topic : ordered) {
      for (String required : topic.requires()) {
        if (!byId.containsKey(required)) {
          problem(
              topic.origin(),
              "topic '" + topic.id() + "' requires unknown topic '" + required + "'");
        } else if (Objects.requireNonNull(position.get(required))
            >= Objects.requireNonNull(position.get(topic.id()))) {
          problem(
              topic.origin(),
              "topic '"
                  + topic.id()
                  + "' requires '"
                  + required
                  + "', which does not come before it");
        }
      }
    }
    new CycleFinder(byId)
        .cycles()
        .forEach(
            cycle ->
                problem(
                    Objects.requireNonNull(byId.get(cycle.get(0))).origin(),
                    "cyclic prerequisites: " + String.join(" -> ", cycle)));
  }

  private void problem(Origin origin, String message) {
    problems.add(ContentProblem.at(origin, message));
  }

  /** Depth-first search over 'requires'; reports each cycle once, from where it was entered. */
  private static final class CycleFinder {
    private final Map<String, Topic> byId;
    private final Set<String> done = new HashSet<>();
    private final List<String> path = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();

    CycleFinder(Map<String, Topic> byId) {
      this.byId = byId;
    }

    List<List<String>> cycles() {
      byId.keySet().forEach(this::visit);
      return cycles;
    }

    private void visit(String id) {
      if (done.contains(id) || !byId.containsKey(id)) {
        return;
      }
      int onPath = path.indexOf(id);
      if (onPath >= 0) {
        List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
        cycle.add(id);
        cycles.add(cycle);
        return;
      }
      path.add(id);
      byId.get(id).requires().forEach(this::visit);
      path.remove(path.size() - 1);
      done.add(id);
    }
  }
}
