package io.studybot.core.chat;

/** A one-to-one chat with the bot, or a chat many people share. */
public enum ChatKind {
  PRIVATE,
  GROUP
}
