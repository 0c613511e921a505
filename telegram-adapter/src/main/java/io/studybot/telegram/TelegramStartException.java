package io.studybot.telegram;

/** The adapter could not start; {@code setting} names what the operator should check. */
public final class TelegramStartException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  TelegramStartException(String setting, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
