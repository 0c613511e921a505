package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyPacerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final ReplyPacer pacer =
      new ReplyPacer(
          TelegramSettings.DEFAULT_RATE_LIMITS,
          clock,
          wait -> {
            waits.add(wait);
            clock.advance(wait);
          });
  private final ChatRef flooder = new ChatRef(Platform.TELEGRAM, "1", ChatKind.PRIVATE);
  private final ChatRef calm = new ChatRef(Platform.TELEGRAM, "2", ChatKind.PRIVATE);

  @Test
  void aBurstGoesAtOnceThenOneMessageAGapAndOtherChatsAreNotHeld() {
    Duration gap = TelegramSettings.DEFAULT_RATE_LIMITS.privateChatGap();
    for (int i = 0; i < ReplyPacer.BURST + 3; i++) {
      pacer.awaitTurn(flooder);
    }
    assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isEqualTo(gap));

    assertThat(pacer.take(calm)).isZero();
  }

  @Test
  void aQuietChatGetsItsBurstBack() {
    for (int i = 0; i < ReplyPacer.BURST; i++) {
      pacer.awaitTurn(flooder);
    }
    clock.advance(TelegramSettings.DEFAULT_RATE_LIMITS.privateChatGap().multipliedBy(10));
    for (int i = 0; i < ReplyPacer.BURST; i++) {
      pacer.awaitTurn(flooder);
    }
    assertThat(waits).isEmpty();
  }
}
