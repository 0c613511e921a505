package io.studybot.core.study;

/** The typed input the bot expects next from a learner, if any. */
public enum Awaiting {
  ZONE,
  LESSON_TIME,
  QUIZ_TIME
}
