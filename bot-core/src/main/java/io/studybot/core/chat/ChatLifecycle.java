package io.studybot.core.chat;

/**
 * What adapters tell the core about chats changing under it, apart from any message: the bot
 * removed, blocked, or its chat deleted or moved. Deliveries there stop at once instead of failing
 * first.
 */
public interface ChatLifecycle {

  /**
   * The bot can no longer write to this chat: removed or kicked from a group, blocked in a private
   * chat, the channel deleted. A group is unsubscribed (and told how to subscribe again at its next
   * command); a learner's deliveries stop until they write again.
   */
  void chatGone(ChatRef chat);

  /**
   * The chat lives on under a new id (a Telegram group upgraded to a supergroup): its group, queued
   * deliveries, quizzes and schedule move there. Safe to repeat: a second signal finds nothing left
   * at the old id.
   */
  void chatMoved(ChatRef from, String newChatId);

  /** The bot left or lost a whole server: every group chat on it stops as in {@link #chatGone}. */
  void serverGone(Platform platform, String server);
}
