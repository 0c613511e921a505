package io.studybot.core.schedule;

/** What a scheduled delivery brings. */
public enum DeliveryKind {
  /** The day's lesson; the course moves on one topic a day. */
  LESSON,
  /** The quiz on the day's topic, with due reviews. */
  QUIZ,
  /** The one message a silent learner gets before deliveries stop. */
  DORMANT_NOTICE
}
