package io.studybot.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FsrsFuzzTest {

  private static final Instant NOW = Instant.parse("2024-03-01T09:15:00Z");

  // With default weights EASY on a new card graduates it with an 8-day interval.
  private static final int EASY_GRADUATION_DAYS = 8;

  @Test
  void withoutFuzzEasyOnANewCardGivesTheModelInterval() {
    ReviewCard card = easyOnNewCard(FsrsParameters.defaults());

    assertThat(card.scheduledDays()).isEqualTo(EASY_GRADUATION_DAYS);
  }

  @Test
  void sameSeedAndSameReviewGiveTheSameInterval() {
    FsrsParameters fuzzed = FsrsParameters.defaults().withFuzz(7);

    assertThat(easyOnNewCard(fuzzed)).isEqualTo(easyOnNewCard(fuzzed));
  }

  @Test
  void fuzzedIntervalsStayInTheDocumentedRangeAndActuallySpread() {
    IntervalFuzz.Range range = IntervalFuzz.range(EASY_GRADUATION_DAYS, 0, 36_500);
    Set<Integer> seen = new HashSet<>();

    for (long seed = 0; seed < 300; seed++) {
      ReviewCard card = easyOnNewCard(FsrsParameters.defaults().withFuzz(seed));

      assertThat(card.scheduledDays()).isBetween(range.min(), range.max());
      assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofDays(card.scheduledDays())));
      seen.add(card.scheduledDays());
    }

    assertThat(range).isEqualTo(new IntervalFuzz.Range(6, 10));
    assertThat(seen).hasSizeGreaterThan(3);
  }

  @Test
  void fuzzNeverGoesAboveTheMaximumInterval() {
    FsrsParameters capped = FsrsParameters.defaults().withMaximumInterval(7);

    LongStream.range(0, 300)
        .mapToObj(seed -> easyOnNewCard(capped.withFuzz(seed)))
        .forEach(card -> assertThat(card.scheduledDays()).isBetween(5, 7));
    for (int interval = 1; interval <= 400; interval += 3) {
      for (long seed = 0; seed < 20; seed++) {
        assertThat(IntervalFuzz.apply(interval, 0, 365, seed)).isBetween(1, 365);
      }
    }
  }

  @Test
  void rangeGrowsByFifteenTenAndFivePercentPerBand() {
    assertThat(IntervalFuzz.range(3, 0, 36_500)).isEqualTo(new IntervalFuzz.Range(2, 4));
    assertThat(IntervalFuzz.range(30, 0, 36_500)).isEqualTo(new IntervalFuzz.Range(27, 33));
    assertThat(IntervalFuzz.range(100, 0, 36_500)).isEqualTo(new IntervalFuzz.Range(93, 107));
    assertThat(IntervalFuzz.range(36_500, 0, 36_500).max()).isEqualTo(36_500);
  }

  @Test
  void fuzzedIntervalIsLongerThanTheDaysAlreadyElapsed() {
    assertThat(IntervalFuzz.range(5, 4, 36_500)).isEqualTo(new IntervalFuzz.Range(5, 6));
  }

  @Test
  void intervalsUnderThreeDaysAreNotFuzzed() {
    for (long seed = 0; seed < 50; seed++) {
      assertThat(IntervalFuzz.apply(1, 0, 36_500, seed)).isEqualTo(1);
      assertThat(IntervalFuzz.apply(2, 0, 36_500, seed)).isEqualTo(2);
    }
  }

  private static ReviewCard easyOnNewCard(FsrsParameters parameters) {
    return new FsrsScheduler(parameters).review(FsrsScheduler.newCard(NOW), Rating.EASY, NOW);
  }
}
