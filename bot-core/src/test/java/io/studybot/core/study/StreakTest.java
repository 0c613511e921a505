package io.studybot.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StreakTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  @Test
  void consecutiveDaysGrowTheStreakAndASecondQuizOnOneDayDoesNot() {
    Streak streak = Streak.NONE.studiedOn(MONDAY).studiedOn(MONDAY).studiedOn(MONDAY.plusDays(1));
    assertThat(streak.current()).isEqualTo(2);
    assertThat(streak.best()).isEqualTo(2);
  }

  @Test
  void aMissedDayStartsOverButKeepsTheBest() {
    Streak streak =
        Streak.NONE.studiedOn(MONDAY).studiedOn(MONDAY.plusDays(1)).studiedOn(MONDAY.plusDays(3));
    assertThat(streak.current()).isEqualTo(1);
    assertThat(streak.best()).isEqualTo(2);
  }

  @Test
  void theStreakShowsAsBrokenOnceAWholeDayPassedWithoutAQuiz() {
    Streak streak = Streak.NONE.studiedOn(MONDAY);
    assertThat(streak.currentOn(MONDAY)).isEqualTo(1);
    assertThat(streak.currentOn(MONDAY.plusDays(1))).isEqualTo(1);
    assertThat(streak.currentOn(MONDAY.plusDays(2))).isZero();
  }
}
