package io.studybot.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures that show whether a set of questions can be passed by guessing: how often the right
 * choice of a multiple-choice question is the strictly longest one, per language, and how often a
 * true/false answer is true.
 */
public final class QuizBalance {
  private int multipleChoice;
  private final Map<Language, Integer> longestRight = new EnumMap<>(Language.class);
  private int trueFalse;
  private int trueAnswers;

  private QuizBalance() {
    for (Language language : Language.values()) {
      longestRight.put(language, 0);
    }
  }

  public static QuizBalance of(List<Topic> topics) {
    QuizBalance balance = new QuizBalance();
    topics.stream().flatMap(topic -> topic.questions().stream()).forEach(balance::count);
    return balance;
  }

  private void count(Question question) {
    if (question.kind() == QuestionKind.TRUE_FALSE) {
      trueFalse++;
      trueAnswers += question.correctIndex() == 0 ? 1 : 0; // the loader puts "True" first
      return;
    }
    multipleChoice++;
    int right = question.correctIndex();
    for (Language language : Language.values()) {
      if (strictlyLongest(question.choices(), right, language)) {
        longestRight.merge(language, 1, Integer::sum);
      }
    }
  }

  private static boolean strictlyLongest(List<Choice> choices, int right, Language language) {
    int length = choices.get(right).text().in(language).length();
    for (int i = 0; i < choices.size(); i++) {
      if (i != right && choices.get(i).text().in(language).length() >= length) {
        return false;
      }
    }
    return true;
  }

  /** What goes beyond the limits, in words; empty when nothing does. */
  public List<String> problems(QuizLimits limits) {
    List<String> problems = new ArrayList<>();
    for (Language language : Language.values()) {
      int count = longestRight.getOrDefault(language, 0);
      if (multipleChoice > 0 && count > limits.longestRightAllowed(multipleChoice)) {
        problems.add(
            String.format(
                Locale.ROOT,
                "the right choice is the strictly longest in %d of %d multiple-choice questions"
                    + " (%s, %.0f%%); at most %.0f%%",
                count,
                multipleChoice,
                language.code(),
                percent(count, multipleChoice),
                limits.longestRightMax() * 100));
      }
    }
    if (trueFalse > 0 && !limits.trueShareAllowed(trueAnswers, trueFalse)) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d of %d true/false answers are true (%.0f%%); keep within %.0f-%.0f%%",
              trueAnswers,
              trueFalse,
              percent(trueAnswers, trueFalse),
              limits.trueMin() * 100,
              limits.trueMax() * 100));
    }
    return problems;
  }

  /** One line of figures. */
  public String summary() {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT, "multiple-choice %d, right strictly longest", multipleChoice));
    for (Language language : Language.values()) {
      line.append(
          String.format(
              Locale.ROOT,
              " %s %.0f%%",
              language.code(),
              percent(longestRight.getOrDefault(language, 0), multipleChoice)));
    }
    line.append(
        String.format(
            Locale.ROOT,
            "; true/false %d, true %.0f%%",
            trueFalse,
            percent(trueAnswers, trueFalse)));
    return line.toString();
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
