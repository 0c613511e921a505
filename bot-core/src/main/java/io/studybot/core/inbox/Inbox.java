package io.studybot.core.inbox;

import io.studybot.core.chat.Platform;
import java.util.List;

/**
 * The inbound port for platforms that redeliver what was not acknowledged: the adapter stores each
 * batch here before acknowledging it, and serves the stored updates with its handler.
 */
public interface Inbox {

  /**
   * Stores the updates durably; one already stored (a redelivery) is skipped. Only after this
   * returns may the adapter acknowledge them to the platform.
   *
   * @throws RuntimeException when they could not be stored: do not acknowledge them
   */
  void accept(List<InboxUpdate> updates);

  /**
   * Handles this platform's stored updates with {@code handler} from now on; until then they wait
   * in the table.
   */
  void serve(Platform platform, InboxHandler handler);
}
