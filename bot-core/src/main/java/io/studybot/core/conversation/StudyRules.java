package io.studybot.core.conversation;

/** Tunable rules of study: how many questions a quiz asks. */
public record StudyRules(int questionsPerQuiz) {
  public static final StudyRules DEFAULT = new StudyRules(3);

  public StudyRules {
    if (questionsPerQuiz < 1) {
      throw new IllegalArgumentException("questionsPerQuiz must be at least 1");
    }
  }
}
