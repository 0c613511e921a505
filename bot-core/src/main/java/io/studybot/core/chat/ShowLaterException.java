package io.studybot.core.chat;

/**
 * An adapter could not show a turn's replies for now (the platform did not answer): the update is
 * handed over again later, and a turn that committed shows its stored replies then.
 */
public final class ShowLaterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShowLaterException(String message, Throwable cause) {
    super(message, cause);
  }
}
