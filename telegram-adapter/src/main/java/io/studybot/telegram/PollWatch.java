package io.studybot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches long polling for the health check, as a network interceptor: it sees Telegram's real
 * answers to {@code getUpdates}. Polling is healthy while a poll was answered with success within
 * {@code staleAfter} (longer than Telegram holds an empty poll open); start-up counts as such an
 * answer, since the bot had just talked to Telegram.
 */
final class PollWatch implements Interceptor {
  private final Clock clock;
  private final Duration staleAfter;
  private volatile Instant lastAnswer;
  private volatile int lastRefusal;

  PollWatch(Clock clock, Duration staleAfter) {
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.lastAnswer = clock.instant();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String path = chain.request().url().encodedPath().toLowerCase(Locale.ROOT);
    if (path.endsWith("/getupdates")) {
      if (response.isSuccessful()) {
        lastAnswer = clock.instant();
        lastRefusal = 0;
      } else {
        lastRefusal = response.code();
      }
    }
    return response;
  }

  /** Empty while polling works; else why not, in one line. */
  Optional<String> problem() {
    Duration since = Duration.between(lastAnswer, clock.instant());
    if (since.compareTo(staleAfter) < 0) {
      return Optional.empty();
    }
    if (lastRefusal == 409) {
      return Optional.of(
          "long polling refused (409 Conflict): another instance polls with this token");
    }
    String refusal = lastRefusal == 0 ? "" : " (last answer: HTTP " + lastRefusal + ")";
    return Optional.of("no successful getUpdates for " + since.toSeconds() + " s" + refusal);
  }
}
