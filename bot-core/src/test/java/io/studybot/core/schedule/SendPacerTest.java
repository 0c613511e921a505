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
    assertThat(pacer.overallWait(T0.plusMillis(400))).isEqualTo(Duration.ofMillis(625));
    assertThat(pacer.overallWait(T0.plus(SendPacer.WINDOW))).isZero();
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofSeconds(80));
    assertThat(OutboxSender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }
}
