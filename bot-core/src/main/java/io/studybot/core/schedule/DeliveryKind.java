package io.studybot.core.schedule;

/** What a scheduled delivery brings. */
public enum DeliveryKind {
  /** The day's lesson; the course moves on one topic a day. */
  LESSON,
  /** The quiz on the day's topic, with due reviews. */
  QUIZ,
  /** The one message a silent learner gets before deliveries stop. */
  DORMANT_NOTICE,
  /** A group's digest of the past week, on Mondays at the group's lesson time. */
  DIGEST,
  /** An operator's message to every learner and subscribed group ({@code /admin broadcast}). */
  BROADCAST;

  /** The day of the week a weekly delivery goes out on. */
  public static final java.time.DayOfWeek DIGEST_DAY = java.time.DayOfWeek.MONDAY;

  /** Whether this kind goes out on that local day; the row is checked daily either way. */
  public boolean goesOutOn(java.time.LocalDate day) {
    return this != DIGEST || day.getDayOfWeek() == DIGEST_DAY;
  }
}
