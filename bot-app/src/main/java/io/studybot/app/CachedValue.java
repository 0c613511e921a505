package io.studybot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value asked of {@code source} at most once per {@code fresh} period; when asking fails, the
 * last answer stays. Keeps a gauge that queries the database cheap however often it is scraped.
 */
final class CachedValue<T> {
  private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

  private final Supplier<T> source;
  private final Clock clock;
  private final Duration fresh;
  private T last;
  private Instant askedAt = Instant.MIN;

  CachedValue(Supplier<T> source, T initial, Clock clock, Duration fresh) {
    this.source = source;
    this.last = initial;
    this.clock = clock;
    this.fresh = fresh;
  }

  synchronized T get() {
    Instant now = clock.instant();
    if (askedAt.equals(Instant.MIN) || !now.isBefore(askedAt.plus(fresh))) {
      askedAt = now;
      try {
        last = source.get();
      } catch (RuntimeException e) {
        log.debug("Reading a gauge's value failed; it keeps the last one", e);
      }
    }
    return last;
  }
}
