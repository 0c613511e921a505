package io.studybot.core.inbox;

/**
 * Handles one stored update: an adapter reads its payload and hands the event to the core as it
 * would a live one. It may throw {@link io.studybot.core.chat.StoreUnavailableException}, and the
 * update is handled again later; any other failure is the adapter's to log.
 */
@FunctionalInterface
public interface InboxHandler {
  void handle(InboxUpdate update);
}
