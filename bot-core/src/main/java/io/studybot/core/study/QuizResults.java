package io.studybot.core.study;

import java.util.Map;

/**
 * How a quiz was answered: how many people answered any of its questions, and for each delivered
 * question how many answered it and how many of them right. Questions recorded as missed do not
 * count.
 */
public record QuizResults(long members, Map<Long, Tally> byQuestion) {

  public QuizResults {
    byQuestion = Map.copyOf(byQuestion);
  }

  /** Answers to one delivered question. */
  public record Tally(long answered, long right) {
    static final Tally NONE = new Tally(0, 0);
  }

  public boolean nobodyAnswered() {
    return members == 0;
  }

  public Tally of(long quizQuestionId) {
    return byQuestion.getOrDefault(quizQuestionId, Tally.NONE);
  }
}
