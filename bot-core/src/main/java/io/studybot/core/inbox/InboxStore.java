package io.studybot.core.inbox;

import io.studybot.core.chat.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where the inbox keeps its rows. */
public interface InboxStore {

  /** Stores the updates not stored yet, in one transaction; returns how many were new. */
  int add(List<InboxUpdate> updates, Instant now);

  /**
   * Claims up to {@code limit} updates of these platforms, at most the oldest open one of each lane
   * and none of a lane whose oldest is leased, for {@code lease}.
   */
  List<StoredUpdate> claim(Set<Platform> platforms, Instant now, Duration lease, int limit);

  /** Extends the leases of updates still being handled. */
  void renew(List<Long> ids, Instant until);

  /** The update is handled and its replies shown; the row stays to recognise a redelivery. */
  void done(long id, Instant now);

  /** Leaves the update for another try after {@code at}. */
  void retryAt(long id, Instant at);

  /** Forgets handled updates older than {@code before}; returns how many. */
  int purgeDoneBefore(Instant before);

  /** Updates stored and not handled yet. */
  long depth();
}
