package io.studybot.core.conversation;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what a learner types for a setting: an IANA time zone, or a local time HH:MM. */
final class SettingsInput {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:：.](\\d{2}))?");
  private static final Map<String, String> ZONES_BY_LOWER_CASE = new TreeMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZONES_BY_LOWER_CASE.put(id.toLowerCase(java.util.Locale.ROOT), id);
    }
  }

  private SettingsInput() {}

  /** An IANA region id such as Europe/Berlin (any letter case), or UTC. */
  static Optional<ZoneId> zone(String text) {
    String id = ZONES_BY_LOWER_CASE.get(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** "8:30", "08:30" or "8" (a whole hour); nothing for "25:00" or "9:61". */
  static Optional<LocalTime> time(String text) {
    Matcher matcher = TIME.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(matcher.group(1));
    int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }
}
