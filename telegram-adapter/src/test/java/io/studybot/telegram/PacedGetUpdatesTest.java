package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

class PacedGetUpdatesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();

  /** Polls whose waits move the test's clock instead of sleeping. */
  private TelegramLongPollingRunner.PacedGetUpdates polls(Duration gap) {
    return new TelegramLongPollingRunner.PacedGetUpdates(
        gap,
        clock,
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        });
  }

  @Test
  void eachPollConfirmsTheLastUpdateAndWaitsForMessagesButtonsAndTheBotsMembership() {
    GetUpdates poll = polls(Duration.ZERO).apply(41);

    assertThat(poll.getOffset()).isEqualTo(42);
    assertThat(poll.getTimeout()).isEqualTo(TelegramLongPollingRunner.POLL_TIMEOUT_SECONDS);
    assertThat(poll.getAllowedUpdates())
        .containsExactly("message", "callback_query", "my_chat_member");
  }

  @Test
  void pollsAreKeptApartSoAnImpatientServerCannotSpinTheLoop() {
    TelegramLongPollingRunner.PacedGetUpdates polls = polls(Duration.ofMillis(100));

    for (int i = 0; i < 4; i++) {
      polls.apply(i);
    }

    // The first poll goes at once; each later one waits out the gap.
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void aPollThatAnsweredSlowlyIsFollowedOnlyByTheRestOfTheGap() {
    TelegramLongPollingRunner.PacedGetUpdates polls = polls(Duration.ofMillis(100));

    polls.apply(0);
    clock.advance(Duration.ofMillis(30));
    polls.apply(1);
    clock.advance(Duration.ofMillis(250));
    polls.apply(2);

    assertThat(waits).containsExactly(Duration.ofMillis(70));
  }

  @Test
  void aGapThatEndsWithinAMillisecondIsWaitedOutInWholeMilliseconds() {
    TelegramLongPollingRunner.PacedGetUpdates polls = polls(Duration.ofMillis(100));

    polls.apply(0);
    clock.advance(Duration.ofNanos(99_500_000));
    polls.apply(1);

    assertThat(waits).containsExactly(Duration.ofMillis(1));
  }
}
