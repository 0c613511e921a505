package io.studybot.core.review;

/** Where a card is in its life: never seen, in short learning steps, or on day-based review. */
public enum CardState {
  NEW,
  LEARNING,
  REVIEW,
  RELEARNING
}
