package io.studybot.core.chat;

/**
 * The database could not be reached: the event changed nothing. An event from the inbox is handled
 * again when the database is back; a live one is answered with an apology.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
