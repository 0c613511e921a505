package io.studybot.core.schedule;

import io.studybot.core.chat.Reply;
import java.util.List;

/** What the sender needs from the bot: the messages of a delivery. */
public interface DeliveryPreparer {

  /**
   * Prepares a queued delivery in one transaction (moving the course on for a lesson, creating the
   * quiz for a quiz) and returns its messages; empty when nothing should go out any more.
   */
  List<Reply> prepare(OutboxEntry entry);

  /** The platform refused for good (bot blocked, direct messages closed): stop sending there. */
  void stopDeliveries(OutboxEntry entry);

  /**
   * The platform moved the entry's chat to {@code newChatId} (a group upgraded): everything of that
   * chat, queued deliveries included, moves with it.
   */
  void chatMoved(OutboxEntry entry, String newChatId);
}
