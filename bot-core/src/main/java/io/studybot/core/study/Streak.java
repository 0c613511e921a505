package io.studybot.core.study;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Consecutive local days with a finished quiz. Days are the learner's own calendar days, so a
 * learner in Shanghai and one in New York each keep their streak by their own midnight.
 */
public record Streak(int current, int best, Optional<LocalDate> lastDay) {

  public static final Streak NONE = new Streak(0, 0, Optional.empty());

  /** The streak after a quiz finished on {@code day}; a second quiz on one day changes nothing. */
  public Streak studiedOn(LocalDate day) {
    if (lastDay.isPresent() && !day.isAfter(lastDay.get())) {
      return this;
    }
    boolean continues = lastDay.isPresent() && lastDay.get().plusDays(1).equals(day);
    int next = continues ? current + 1 : 1;
    return new Streak(next, Math.max(best, next), Optional.of(day));
  }

  /** The streak with its last day moved on, so days spent paused do not break it. */
  public Streak shiftedBy(long days) {
    return lastDay
        .map(day -> new Streak(current, best, Optional.of(day.plusDays(days))))
        .orElse(this);
  }

  /** Of two streaks (two accounts joined), the one that stands longer today, with the best best. */
  public Streak longer(Streak other, LocalDate today) {
    Streak longer = other.currentOn(today) > currentOn(today) ? other : this;
    return new Streak(longer.current, Math.max(best, other.best), longer.lastDay);
  }

  /** The streak as the learner sees it today: broken if yesterday passed without a quiz. */
  public int currentOn(LocalDate today) {
    if (lastDay.isEmpty()) {
      return 0;
    }
    return lastDay.get().plusDays(1).isBefore(today) ? 0 : current;
  }
}
