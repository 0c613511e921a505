package io.studybot.telegram;

import io.studybot.core.chat.DeliveryException;
import io.studybot.core.schedule.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;

/**
 * Bot API calls with Telegram's failure rules: a 429 waits for its {@code retry_after} (or, past
 * the policy's waits, fails as a flood wait that holds the chat), server errors and network errors
 * are retried with exponential backoff, 403 (the bot was blocked or removed) is a permanent
 * failure, a 400 naming the supergroup a group became fails as a moved chat, and any other refusal
 * fails at once.
 */
final class TelegramCalls {
  private static final Logger log = LoggerFactory.getLogger(TelegramCalls.class);

  /** How hard to try: attempts for server and network errors, and the longest 429 wait taken. */
  record RetryPolicy(int attempts, Duration firstBackoff, int floodWaits, Duration longestWait) {
    static final RetryPolicy DEFAULT =
        new RetryPolicy(4, Duration.ofMillis(500), 5, Duration.ofSeconds(60));
  }

  private final TelegramBotApi api;
  private final RetryPolicy policy;
  private final Sleeper sleeper;

  TelegramCalls(TelegramBotApi api, RetryPolicy policy, Sleeper sleeper) {
    this.api = api;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  TelegramCalls(TelegramBotApi api) {
    this(api, RetryPolicy.DEFAULT, Sleeper.REAL);
  }

  /**
   * The same calls, but a 429 fails at once as a flood wait: the outbox sender then holds only that
   * chat for {@code retry_after} instead of this thread waiting for it.
   */
  TelegramCalls withoutFloodWaits() {
    return new TelegramCalls(
        api,
        new RetryPolicy(policy.attempts(), policy.firstBackoff(), 0, policy.longestWait()),
        sleeper);
  }

  /**
   * Calls until the API accepts or refuses for good.
   *
   * @throws DeliveryException when the call was refused or kept failing
   */
  BotApiAnswer execute(PartialBotApiMethod<?> method) {
    int failures = 0;
    int floodWaits = 0;
    while (true) {
      BotApiAnswer answer;
      try {
        answer = api.call(method);
      } catch (IOException e) {
        failures++;
        if (failures >= policy.attempts()) {
          throw new DeliveryException(method.getMethod() + ": network error", false, e);
        }
        backOff(method, failures, e.toString());
        continue;
      }
      if (answer.delivered()) {
        return answer;
      }
      if (answer.errorCode() == 429) {
        Duration wait = Duration.ofSeconds(Math.max(1, answer.retryAfterSeconds().orElse(1)));
        if (floodWaits >= policy.floodWaits() || wait.compareTo(policy.longestWait()) > 0) {
          throw DeliveryException.floodWait(refusal(method, answer), wait);
        }
        floodWaits++;
        log.info("Telegram asks to slow down; {} waits {} s", method.getMethod(), wait.toSeconds());
        pause(wait);
        continue;
      }
      if (answer.migrateToChatId().isPresent()) {
        throw DeliveryException.chatMoved(refusal(method, answer), answer.migrateToChatId().get());
      }
      if (answer.errorCode() >= 500 && failures + 1 < policy.attempts()) {
        failures++;
        backOff(method, failures, answer.description());
        continue;
      }
      throw refused(method, answer);
    }
  }

  /**
   * Calls once, for start-up chores that may fail without harm.
   *
   * @throws DeliveryException when the call failed
   */
  BotApiAnswer tryOnce(PartialBotApiMethod<?> method) {
    BotApiAnswer answer;
    try {
      answer = api.call(method);
    } catch (IOException e) {
      throw new DeliveryException(method.getMethod() + ": network error", false, e);
    }
    if (!answer.delivered()) {
      throw refused(method, answer);
    }
    return answer;
  }

  private static String refusal(PartialBotApiMethod<?> method, BotApiAnswer answer) {
    return method.getMethod() + " refused: " + answer.errorCode() + " " + answer.description();
  }

  private static Refused refused(PartialBotApiMethod<?> method, BotApiAnswer answer) {
    return new Refused(method.getMethod(), answer.errorCode(), answer.description());
  }

  /**
   * The Bot API refused a call. 403 (blocked, kicked) is permanent, and so are the 400s that say
   * the chat itself is out of reach: retrying those every day changes nothing.
   */
  static final class Refused extends DeliveryException {
    /** Telegram's own descriptions of a chat the bot cannot write to (lower case). */
    private static final List<String> CHAT_GONE =
        List.of(
            "chat not found",
            "not enough rights to send",
            "chat_write_forbidden",
            "have no rights to send a message",
            "user is deactivated",
            "bot was kicked",
            "topic_closed",
            "message thread not found");

    private final int errorCode;
    private final String description;

    Refused(String method, int errorCode, String description) {
      super(
          method + " refused: " + errorCode + " " + description,
          permanent(errorCode, description),
          null);
      this.errorCode = errorCode;
      this.description = description;
    }

    private static boolean permanent(int errorCode, String description) {
      String said = description.toLowerCase(java.util.Locale.ROOT);
      return errorCode == 403 || (errorCode == 400 && CHAT_GONE.stream().anyMatch(said::contains));
    }

    int errorCode() {
      return errorCode;
    }

    String description() {
      return description;
    }
  }

  private void backOff(PartialBotApiMethod<?> method, int failures, String reason) {
    Duration wait = policy.firstBackoff().multipliedBy(1L << (failures - 1));
    log.warn(
        "{} failed ({}); attempt {} of {} in {} ms",
        method.getMethod(),
        reason,
        failures + 1,
        policy.attempts(),
        wait.toMillis());
    pause(wait);
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while waiting to retry", false, e);
    }
  }
}
