package io.studybot.core.chat;

/** The chat platforms StudyBot speaks on. */
public enum Platform {
  TELEGRAM,
  DISCORD,
  CONSOLE
}
