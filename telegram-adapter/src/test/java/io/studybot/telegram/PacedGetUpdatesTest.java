package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

class PacedGetUpdatesTest {

  @Test
  void eachPollConfirmsTheLastUpdateAndWaitsForMessagesAndButtonsOnly() {
    TelegramLongPollingRunner.PacedGetUpdates polls =
        new TelegramLongPollingRunner.PacedGetUpdates(Duration.ZERO, Clock.systemUTC());

    GetUpdates poll = polls.apply(41);

    assertThat(poll.getOffset()).isEqualTo(42);
    assertThat(poll.getTimeout()).isEqualTo(TelegramLongPollingRunner.POLL_TIMEOUT_SECONDS);
    assertThat(poll.getAllowedUpdates()).containsExactly("message", "callback_query");
  }

  @Test
  void pollsAreKeptApartSoAnImpatientServerCannotSpinTheLoop() {
    TelegramLongPollingRunner.PacedGetUpdates polls =
        new TelegramLongPollingRunner.PacedGetUpdates(Duration.ofMillis(100), Clock.systemUTC());

    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      polls.apply(i);
    }
    long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

    // Three gaps of 100 ms; a little slack for the clocks' granularity.
    assertThat(elapsed).isGreaterThanOrEqualTo(250);
  }
}
