package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendPacerTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private final SendPacer pacer = new SendPacer(30);

  @Test
  void thirtyMessagesASecondOverallThenAWait() {
    for (int i = 0; i < 30; i++) {
      assertThat(pacer.overallWait(T0)).isZero();
      pacer.sent(T0);
    }
    assertThat(pacer.overallWait(T0.plusMillis(400))).isEqualTo(Duration.ofMillis(610));
    assertThat(pacer.overallWait(T0.plus(SendPacer.WINDOW))).isZero();
  }

  @Test
  void messagesThatLeaveLateKeepTheirPlaceInTheWindowLonger() {
    for (int i = 0; i < 30; i++) {
      pacer.sent(T0);
    }
    for (int i = 0; i < 30; i++) {
      pacer.leaves(T0, T0.plusMillis(300)); // the workers started late
    }
    assertThat(pacer.overallWait(T0.plus(SendPacer.WINDOW))).isEqualTo(Duration.ofMillis(300));
    assertThat(pacer.overallWait(T0.plus(SendPacer.WINDOW).plusMillis(300))).isZero();
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofSeconds(80));
    assertThat(OutboxSender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }
}
