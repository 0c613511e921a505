package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendPacerTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private static final RateLimits TELEGRAM =
      new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(3));
  private final SendPacer pacer = new SendPacer(TELEGRAM);

  @Test
  void thirtyMessagesASecondOverallThenAWait() {
    for (int i = 0; i < 30; i++) {
      assertThat(pacer.overallWait(T0)).isZero();
      pacer.sent(chat("u" + i, ChatKind.PRIVATE), T0);
    }
    assertThat(pacer.overallWait(T0.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
    assertThat(pacer.overallWait(T0.plusSeconds(1))).isZero();
  }

  @Test
  void eachChatKeepsItsOwnGap() {
    ChatRef alice = chat("alice", ChatKind.PRIVATE);
    ChatRef group = chat("-1", ChatKind.GROUP);
    pacer.sent(alice, T0);
    pacer.sent(group, T0);
    assertThat(pacer.chatWait(alice, T0.plusMillis(250))).isEqualTo(Duration.ofMillis(750));
    assertThat(pacer.chatWait(group, T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(pacer.chatWait(chat("bob", ChatKind.PRIVATE), T0)).isZero();
    assertThat(pacer.chatWait(alice, T0.plusSeconds(1))).isZero();
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofSeconds(80));
    assertThat(OutboxSender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }

  private static ChatRef chat(String id, ChatKind kind) {
    return new ChatRef(Platform.TELEGRAM, id, kind);
  }
}
