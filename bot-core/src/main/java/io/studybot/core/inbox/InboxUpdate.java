package io.studybot.core.inbox;

import static java.util.Objects.requireNonNull;

import io.studybot.core.chat.Platform;

/**
 * One update as the platform delivered it: its id (a redelivery has the same), the lane it is
 * handled in (updates of one lane, a chat, are handled in the order they arrived), and the
 * platform's own text of it, which only the adapter reads.
 */
public record InboxUpdate(Platform platform, String updateId, String lane, String payload) {
  public InboxUpdate {
    requireNonNull(platform, "platform");
    requireNonNull(updateId, "updateId");
    requireNonNull(lane, "lane");
    requireNonNull(payload, "payload");
    if (updateId.isEmpty() || updateId.length() > 64) {
      throw new IllegalArgumentException("an update id has 1-64 characters");
    }
    if (lane.length() > 96) {
      throw new IllegalArgumentException("a lane has at most 96 characters");
    }
  }
}
