package io.studybot.discord;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The shards this instance runs, {@code first} to {@code last} of {@code total}, written {@code
 * 0-3/8}; several instances with ranges that together cover all shards split a large bot. Discord
 * serves each server on shard {@code (server id >> 22) % total}, so the range also says which
 * servers' channels this instance posts in; direct messages belong to shard 0's instance.
 */
public record ShardRange(int first, int last, int total) {
  /** An unsharded bot: one session runs the one shard, every server's. */
  public static final ShardRange WHOLE = new ShardRange(0, 0, 1);

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

  /** The shard ids from first to last. */
  public List<Integer> ids() {
    return IntStream.rangeClosed(first, last).boxed().toList();
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

  /** The shard of {@code total} that serves a server (Discord's rule for guild ids). */
  public static int shardOf(String server, int total) {
    return (int) ((Long.parseUnsignedLong(server) >>> 22) % total);
  }

  /** Whether this instance runs the shard that serves the server. */
  public boolean runs(String server) {
    int shard = shardOf(server, total);
    return first <= shard && shard <= last;
  }

  /** Whether this instance sends direct messages, which belong to shard 0. */
  public boolean sendsDirectMessages() {
    return first == 0;
  }

  @Override
  public String toString() {
    return first + "-" + last + "/" + total;
  }
}
