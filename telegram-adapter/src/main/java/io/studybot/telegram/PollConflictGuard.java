package io.studybot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram answers {@code getUpdates} with 409 Conflict while another process polls with the same
 * token (or a webhook is set). The polling library would log a stack trace for every poll; this
 * says it once, clearly, turns the 409 into an empty batch after a pause, and says when polling
 * works again.
 */
final class PollConflictGuard implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(PollConflictGuard.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final Duration pause;
  private final AtomicBoolean inConflict = new AtomicBoolean();

  PollConflictGuard(Duration pause) {
    this.pause = pause;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String path = chain.request().url().encodedPath().toLowerCase(Locale.ROOT);
    if (!path.endsWith("/getupdates")) {
      return response;
    }
    if (response.code() != 409) {
      if (response.isSuccessful() && inConflict.compareAndSet(true, false)) {
        log.info("Telegram long polling works again: the other poller is gone");
      }
      return response;
    }
    response.close();
    if (inConflict.compareAndSet(false, true)) {
      log.warn(
          "Telegram refuses to deliver updates (409 Conflict): another instance polls with this"
              + " token. Run one instance in long-polling mode, or set TELEGRAM_WEBHOOK_URL on"
              + " every instance to run several. Retrying quietly.");
    }
    pauseQuietly();
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", JSON))
        .build();
  }

  boolean inConflict() {
    return inConflict.get();
  }

  private void pauseQuietly() throws IOException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
