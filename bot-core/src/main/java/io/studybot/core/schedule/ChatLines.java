package io.studybot.core.schedule;

import io.studybot.core.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Messages waiting to go out, one line per chat. Within a line they keep their order; a line is
 * handed to one sender at a time and only once the chat's gap since its last message has passed (or
 * a flood wait the platform asked for). Lines of different chats interleave: while one chat waits,
 * the others go on.
 */
final class ChatLines {
  /** One message of a delivery, in its chat's line. */
  record Queued(SendingEntry entry, Reply reply) {}

  /**
   * A queued message and when it joined, so that of two ready chats the older message goes first.
   */
  private record Numbered(Queued message, long number) {}

  /** A chat's line. Only {@link ChatLines} changes it, under its lock. */
  static final class Line {
    private final String chat;
    private final Duration gap;
    private final ArrayDeque<Numbered> messages = new ArrayDeque<>();
    private Instant readyAt;
    private boolean taken;

    /** How long the line takes to empty, fixed when it joined the ready chats. */
    private long span;

    private Line(String chat, Duration gap, Instant readyAt) {
      this.chat = chat;
      this.gap = gap;
      this.readyAt = readyAt;
    }

    String chat() {
      return chat;
    }
  }

  private static final int PURGE_ABOVE = 10_000;

  private final Map<String, Line> lines = new HashMap<>();

  /** Lines not ready yet, soonest first. */
  private final PriorityQueue<Line> waiting =
      new PriorityQueue<>(
          Comparator.comparing((Line line) -> line.readyAt)
              .thenComparingLong(line -> line.messages.getFirst().number()));

  /** Lines whose chat may get its next message now: the longest to empty first. */
  private final PriorityQueue<Line> ready =
      new PriorityQueue<>(
          Comparator.comparingLong((Line line) -> -line.span)
              .thenComparingLong(line -> line.messages.getFirst().number()));

  private long added;
  private int queued;
  private int taken;

  /** Queues a message at the end of its chat's line. */
  synchronized void add(Queued message, Duration gap, Instant now) {
    String chat = message.reply().chat().limitKey();
    Line line = lines.get(chat);
    if (line == null) {
      purgeIdle(now);
      line = new Line(chat, gap, now);
      lines.put(chat, line);
    }
    line.messages.addLast(new Numbered(message, added++));
    queued++;
    if (!line.taken && line.messages.size() == 1) {
      waiting.add(line);
    }
  }

  /** The line whose chat may get its next message now, handed out until it is given back. */
  synchronized Optional<Line> take(Instant now) {
    while (!waiting.isEmpty() && !waiting.peek().readyAt.isAfter(now)) {
      Line line = waiting.poll();
      line.span = (line.messages.size() - 1L) * line.gap.toMillis();
      ready.add(line);
    }
    Line first = ready.poll();
    if (first == null) {
      return Optional.empty();
    }
    first.taken = true;
    taken++;
    return Optional.of(first);
  }

  synchronized Queued head(Line line) {
    return line.messages.getFirst().message();
  }

  /** The head went out at {@code at}: the next one waits for the chat's gap. */
  synchronized void sent(Line line, Instant at) {
    line.messages.removeFirst();
    queued--;
    giveBack(line, at.plus(line.gap));
  }

  /**
   * The head may not go before {@code until} (a flood wait, or the overall rate); it stays first.
   */
  synchronized void holdUntil(Line line, Instant until) {
    giveBack(line, until);
  }

  /** Drops the messages of one delivery from the line (it is retried as a whole later). */
  synchronized void drop(Line line, SendingEntry entry) {
    Iterator<Numbered> each = line.messages.iterator();
    while (each.hasNext()) {
      if (each.next().message().entry() == entry) {
        each.remove();
        queued--;
      }
    }
    giveBack(line, line.readyAt);
  }

  /** Empties the line; returns the deliveries whose messages it held. */
  synchronized Set<SendingEntry> dropAll(Line line) {
    Set<SendingEntry> entries = new LinkedHashSet<>();
    for (Numbered message : line.messages) {
      entries.add(message.message().entry());
    }
    queued -= line.messages.size();
    line.messages.clear();
    giveBack(line, line.readyAt);
    return entries;
  }

  /** Messages waiting, including the heads of lines being sent. */
  synchronized int queued() {
    return queued;
  }

  /** Whether nothing waits and no line is out. */
  synchronized boolean idle() {
    return queued == 0 && taken == 0;
  }

  /** How long until some line is ready; empty when none waits. */
  synchronized Optional<Duration> untilReady(Instant now) {
    if (!ready.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    Line first = waiting.peek();
    if (first == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, first.readyAt);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /** Every change but {@link #add} is made by the holder of a taken line, which is not waiting. */
  private void giveBack(Line line, Instant readyAt) {
    if (!line.taken) {
      throw new IllegalStateException("line " + line.chat + " was not taken");
    }
    line.taken = false;
    taken--;
    line.readyAt = readyAt;
    if (!line.messages.isEmpty()) {
      waiting.add(line);
    }
  }

  /** Forgets empty lines whose gap has passed, so the map stays as small as the traffic. */
  private void purgeIdle(Instant now) {
    if (lines.size() < PURGE_ABOVE) {
      return;
    }
    lines
        .values()
        .removeIf(line -> line.messages.isEmpty() && !line.taken && !line.readyAt.isAfter(now));
  }
}
