package io.studybot.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * When a daily delivery at a local time next falls due. Computed from local dates, so a DST change
 * neither skips nor doubles a day: a time that does not exist on the spring-forward day is
 * delivered at the first valid instant after it, and a time that occurs twice on the fall-back day
 * is delivered at its first occurrence.
 */
public final class DueTimes {
  private DueTimes() {}

  /**
   * The first instant after {@code after} at {@code time} in {@code zone}, on a local date later
   * than {@code lastDelivered} (so one local day never gets two deliveries).
   */
  public static Instant next(
      LocalTime time, ZoneId zone, Instant after, Optional<LocalDate> lastDelivered) {
    LocalDate date = after.atZone(zone).toLocalDate();
    if (lastDelivered.isPresent() && !date.isAfter(lastDelivered.get())) {
      date = lastDelivered.get().plusDays(1);
    }
    while (true) {
      Instant candidate = at(date, time, zone);
      if (candidate.isAfter(after)) {
        return candidate;
      }
      date = date.plusDays(1);
    }
  }

  /**
   * The next due instant after a learner changed their time or zone: today's delivery, if today (in
   * the zone) has not had one, comes now when its new time has already passed; otherwise as {@link
   * #next}.
   */
  public static Instant afterChange(
      LocalTime time, ZoneId zone, Instant now, Optional<LocalDate> lastDelivered) {
    LocalDate today = now.atZone(zone).toLocalDate();
    boolean todayDelivered = lastDelivered.map(day -> !day.isBefore(today)).orElse(false);
    if (!todayDelivered && !at(today, time, zone).isAfter(now)) {
      return now;
    }
    return next(time, zone, now, lastDelivered);
  }

  /** The instant of a local date and time; in a DST gap, the instant the clocks jump to. */
  public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = date.atTime(time);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return local.atZone(zone).toInstant(); // in an overlap this is the earlier offset
  }
}
