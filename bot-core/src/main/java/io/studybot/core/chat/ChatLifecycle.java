package io.studybot.core.chat;

/**
 * What adapters tell the core about chats changing under it, apart from any message: the bot
 * removed, blocked, or its chat deleted. Deliveries there stop at once instead of failing first.
 */
public interface ChatLifecycle {

  /**
   * The bot can no longer write to this chat: removed or kicked from a group, blocked in a private
   * chat, the channel deleted. A group is unsubscribed (and told how to subscribe again at its next
   * command); a learner's deliveries stop until they write again.
   */
  void chatGone(ChatRef chat);

  /** The bot left or lost a whole server: every group chat on it stops as in {@link #chatGone}. */
  void serverGone(Platform platform, String server);
}
