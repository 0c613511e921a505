package io.studybot.app;

/** An operator's setting is wrong; the message names it and says what is expected. */
final class ConfigException extends RuntimeException {
  ConfigException(String message) {
    super(message);
  }
}
