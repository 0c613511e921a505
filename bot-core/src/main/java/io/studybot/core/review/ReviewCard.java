package io.studybot.core.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The scheduling state of one card, as {@link FsrsScheduler} reads and writes it.
 *
 * @param state where the card is in its life
 * @param step index of the current learning or relearning step; 0 outside the steps
 * @param stability days until recall probability falls to 90%; 0 for a new card
 * @param difficulty 1 (easy) to 10 (hard); 0 for a new card
 * @param due when the card should next be reviewed
 * @param lastReview when the card was last reviewed; null only for a card never reviewed
 * @param reps how many reviews the card has had
 * @param lapses how many times a card on review was forgotten
 * @param scheduledDays whole days from the last review to {@code due}; 0 while in steps
 * @param elapsedDays calendar days (UTC) between the last two reviews
 */
public record ReviewCard(
    CardState state,
    int step,
    double stability,
    double difficulty,
    Instant due,
    @Nullable Instant lastReview,
    int reps,
    int lapses,
    int scheduledDays,
    int elapsedDays) {

  public ReviewCard {
    requireNonNull(state, "state");
    requireNonNull(due, "due");
    if (state != CardState.NEW) {
      requireNonNull(lastReview, "lastReview of a card that was reviewed");
    }
    requireNonNegative(step, "step");
    requireNonNegative(reps, "reps");
    requireNonNegative(lapses, "lapses");
    requireNonNegative(scheduledDays, "scheduledDays");
    requireNonNegative(elapsedDays, "elapsedDays");
    if (!(stability >= 0 && Double.isFinite(stability))) {
      throw new IllegalArgumentException("stability must be finite and >= 0: " + stability);
    }
    if (!(difficulty >= 0 && difficulty <= 10)) {
      throw new IllegalArgumentException("difficulty must be in [0, 10]: " + difficulty);
    }
  }

  private static void requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
  }
}
