package io.studybot.core.testing;

import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.InboxStore;
import io.studybot.core.inbox.InboxUpdate;
import io.studybot.core.inbox.StoredUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox store in memory, for adapter tests that need updates handled without a database: same
 * rules as the table (one per lane, leases, redeliveries skipped).
 */
public final class MemoryInboxStore implements InboxStore {
  private record Row(InboxUpdate update, Instant leaseUntil, boolean done, int attempts) {}

  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public synchronized int add(List<InboxUpdate> updates, Instant now) {
    int added = 0;
    for (InboxUpdate update : updates) {
      boolean known =
          rows.values().stream()
              .anyMatch(
                  r ->
                      r.update().platform() == update.platform()
                          && r.update().updateId().equals(update.updateId()));
      if (!known) {
        rows.put(nextId++, new Row(update, Instant.MIN, false, 0));
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized List<StoredUpdate> claim(
      Set<Platform> platforms, Instant now, Duration lease, int limit) {
    List<StoredUpdate> claimed = new ArrayList<>();
    Set<String> lanesSeen = new HashSet<>();
    for (Map.Entry<Long, Row> entry : rows.entrySet()) {
      Row row = entry.getValue();
      String lane = row.update().platform() + "/" + row.update().lane();
      if (row.done() || !platforms.contains(row.update().platform()) || !lanesSeen.add(lane)) {
        continue;
      }
      if (claimed.size() < limit && !row.leaseUntil().isAfter(now)) {
        claimed.add(
            new StoredUpdate(entry.getKey(), row.update(), row.attempts(), Optional.empty()));
        entry.setValue(new Row(row.update(), now.plus(lease), false, row.attempts() + 1));
      }
    }
    return claimed;
  }

  @Override
  public synchronized void renew(List<Long> ids, Instant until) {
    ids.forEach(
        id ->
            rows.computeIfPresent(
                id, (k, r) -> new Row(r.update(), until, r.done(), r.attempts())));
  }

  @Override
  public synchronized void done(long id, Instant now) {
    rows.computeIfPresent(id, (k, r) -> new Row(r.update(), Instant.MIN, true, r.attempts()));
  }

  @Override
  public synchronized void retryAt(long id, Instant at) {
    renew(List.of(id), at);
  }

  @Override
  public synchronized int purgeDoneBefore(Instant before) {
    return 0;
  }

  @Override
  public synchronized long depth() {
    return rows.values().stream().filter(r -> !r.done()).count();
  }
}
