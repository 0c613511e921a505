package io.studybot.core.schedule;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.study.StudyOwner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An outbox in memory, for sender tests that need no database. */
final class MemoryOutbox implements OutboxStore {
  enum Status {
    PENDING,
    SENT,
    FAILED
  }

  static final class Row {
    final long id;
    final ChatRef chat;
    Status status = Status.PENDING;
    Instant notBefore;
    int attempts;

    Row(long id, ChatRef chat, Instant notBefore) {
      this.id = id;
      this.chat = chat;
      this.notBefore = notBefore;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  synchronized Row add(ChatRef chat, Instant due) {
    Row row = new Row(rows.size() + 1L, chat, due);
    rows.add(row);
    return row;
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  @Override
  public synchronized List<OutboxEntry> claim(
      Instant now, Duration lease, int limit, SendScope scope) {
    List<OutboxEntry> claimed = new ArrayList<>();
    rows.stream()
        .filter(row -> row.status == Status.PENDING && !row.notBefore.isAfter(now))
        .filter(row -> scope.platforms().contains(row.chat.platform()))
        .sorted(Comparator.comparing((Row row) -> row.notBefore).thenComparing(row -> row.id))
        .limit(limit)
        .forEach(
            row -> {
              row.notBefore = now.plus(lease);
              claimed.add(
                  new OutboxEntry(
                      row.id,
                      StudyOwner.learner(row.id),
                      DeliveryKind.QUIZ,
                      LocalDate.of(2026, 5, 4),
                      row.chat,
                      row.attempts));
            });
    return claimed;
  }

  @Override
  public synchronized void renew(List<Long> ids, Instant until) {
    ids.stream()
        .map(this::row)
        .filter(row -> row.status == Status.PENDING)
        .forEach(row -> row.notBefore = until);
  }

  @Override
  public synchronized void markSent(long id, Instant now) {
    row(id).status = Status.SENT;
  }

  @Override
  public synchronized void retryAt(
      long id, Instant notBefore, @Nullable String error, boolean countsAsAttempt) {
    Row row = row(id);
    row.notBefore = notBefore;
    row.attempts += countsAsAttempt ? 1 : 0;
  }

  @Override
  public synchronized void markFailed(long id, @Nullable String error) {
    row(id).status = Status.FAILED;
  }

  @Override
  public int deleteSentBefore(Instant before) {
    return 0;
  }

  private Row row(long id) {
    return rows.get((int) id - 1);
  }
}
