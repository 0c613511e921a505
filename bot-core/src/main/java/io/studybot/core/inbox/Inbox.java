package io.studybot.core.inbox;

import java.util.List;

/** The inbound port for platforms that redeliver what was not acknowledged. */
@FunctionalInterface
public interface Inbox {

  /**
   * Stores the updates durably; one already stored (a redelivery) is skipped. Only after this
   * returns may the adapter acknowledge them to the platform.
   *
   * @throws RuntimeException when they could not be stored: do not acknowledge them
   */
  void accept(List<InboxUpdate> updates);
}
