package io.studybot.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shards this instance runs, {@code first} to {@code last} of {@code total}, written {@code
 * 0-3/8}; several instances with ranges that together cover all shards split a large bot.
 */
public record ShardRange(int first, int last, int total) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})-(\\d{1,4})/(\\d{1,4})");

  public ShardRange {
    if (total < 1 || first < 0 || last < first || last >= total) {
      throw new IllegalArgumentException(
          "expected FIRST-LAST/TOTAL with 0 <= FIRST <= LAST < TOTAL, got "
              + first
              + "-"
              + last
              + "/"
              + total);
    }
  }

  /**
   * Reads {@code FIRST-LAST/TOTAL}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static ShardRange parse(String text) {
    Matcher matcher = FORM.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected FIRST-LAST/TOTAL such as 0-3/8, got '" + text + "'");
    }
    return new ShardRange(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)));
  }

  @Override
  public String toString() {
    return first + "-" + last + "/" + total;
  }
}
