package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueTimesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aTimeSkippedBySpringForwardIsDeliveredWhenTheClocksJump() {
    // Berlin jumps from 02:00 to 03:00 on 2026-03-29.
    Instant due =
        DueTimes.next(
            LocalTime.of(2, 30), BERLIN, Instant.parse("2026-03-28T12:00:00Z"), Optional.empty());
    assertThat(due).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(due.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
  }

  @Test
  void aTimeRepeatedByFallBackIsDeliveredAtItsFirstOccurrence() {
    // New York falls back from 02:00 to 01:00 on 2026-11-01, so 01:30 happens twice.
    Instant due =
        DueTimes.next(
            LocalTime.of(1, 30), NEW_YORK, Instant.parse("2026-10-31T12:00:00Z"), Optional.empty());
    assertThat(due).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    Instant after =
        DueTimes.next(LocalTime.of(1, 30), NEW_YORK, due, Optional.of(LocalDate.of(2026, 11, 1)));
    assertThat(after).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
  }

  @Test
  void neverTwiceOnOneLocalDay() {
    Instant due =
        DueTimes.next(
            LocalTime.of(9, 0),
            BERLIN,
            Instant.parse("2026-05-04T05:00:00Z"),
            Optional.of(LocalDate.of(2026, 5, 4)));
    assertThat(due).isEqualTo(Instant.parse("2026-05-05T07:00:00Z"));
  }

  @Test
  void aChangedTimeAlreadyPastStillGetsTodaysDeliveryNowUnlessItWasDelivered() {
    Instant now = Instant.parse("2026-05-04T10:00:00Z");
    assertThat(
            DueTimes.afterChange(
                LocalTime.of(8, 0), ZoneId.of("UTC"), now, Optional.of(LocalDate.of(2026, 5, 3))))
        .isEqualTo(now);
    assertThat(
            DueTimes.afterChange(
                LocalTime.of(8, 0), ZoneId.of("UTC"), now, Optional.of(LocalDate.of(2026, 5, 4))))
        .isEqualTo(Instant.parse("2026-05-05T08:00:00Z"));
    assertThat(DueTimes.afterChange(LocalTime.of(11, 0), ZoneId.of("UTC"), now, Optional.empty()))
        .isEqualTo(Instant.parse("2026-05-04T11:00:00Z"));
  }
}
