package io.studybot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage.Visibility;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.testing.BotHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A flooding user gets one "slow down" and then silence for the rest of the minute, alone. */
class FloodGateTest {
  private final BotHarness harness = BotHarness.onH2();
  private final FloodGate gate = new FloodGate(harness.bot, harness.clock, 20);
  private final PlatformUser flooder =
      new PlatformUser(Platform.TELEGRAM, "666", "Flo", Optional.of("de"));
  private final PlatformUser calm =
      new PlatformUser(Platform.TELEGRAM, "7", "Cal", Optional.of("zh"));

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theTwentyFirstCommandInAMinuteGetsOneSlowDownThenSilenceThenTheNextMinuteIsServed() {
    List<List<Reply>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(gate.handle(command(flooder, "/settings lesson 0" + (i % 10) + ":15")));
      harness.clock.advance(Duration.ofSeconds(1));
    }

    assertThat(answers.subList(0, 20)).allSatisfy(replies -> assertThat(replies).isNotEmpty());
    assertThat(answers.get(20))
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.message().plainText()).contains("Slow down", "20");
              assertThat(reply.message().visibility()).isEqualTo(Visibility.PERSONAL);
            });
    assertThat(answers.subList(21, 30)).allSatisfy(replies -> assertThat(replies).isEmpty());
    assertThat(gate.handle(command(calm, "/help"))).as("another user is served").isNotEmpty();

    harness.clock.advance(Duration.ofSeconds(31)); // the flooder's minute is over
    // Nothing past the twentieth changed anything: the lesson time is the twentieth's.
    List<Reply> settings = gate.handle(command(flooder, "/settings"));
    assertThat(settings.get(0).message().plainText()).contains("09:15");
  }

  @Test
  void theSlowDownSpeaksTheUsersLanguageAndButtonPressesPass() {
    for (int i = 0; i < 20; i++) {
      gate.handle(command(calm, "/help"));
    }
    assertThat(gate.handle(command(calm, "/help")).get(0).message().plainText()).contains("请慢一点");
    List<Reply> press =
        gate.handle(new IncomingEvent.ButtonPress(calm, chatOf(calm), "lang:zh", Optional.empty()));
    assertThat(press).isNotEmpty();
  }

  private static IncomingEvent command(PlatformUser user, String line) {
    return IncomingEvent.parse(user, chatOf(user), line);
  }

  private static ChatRef chatOf(PlatformUser user) {
    return new ChatRef(Platform.TELEGRAM, user.externalId(), ChatKind.PRIVATE);
  }
}
