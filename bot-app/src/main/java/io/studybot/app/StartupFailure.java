package io.studybot.app;

import org.jspecify.annotations.Nullable;

/**
 * Start-up cannot go on: the message is the one line the operator sees (it names the setting to
 * check and never holds a secret), the exit code says whether a setting (2) or the world (1) is to
 * blame. Details go to the log file.
 */
final class StartupFailure extends RuntimeException {
  static final int BAD_SETTING = 2;
  static final int FAILED = 1;

  private final int exitCode;

  StartupFailure(int exitCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static StartupFailure badSetting(String message) {
    return new StartupFailure(BAD_SETTING, message, null);
  }

  int exitCode() {
    return exitCode;
  }
}
