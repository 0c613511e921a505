package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.study.StudyOwner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChatLinesTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private static final Duration GAP = Duration.ofSeconds(3);
  private final ChatLines lines = new ChatLines();

  @Test
  void aChatIsHandedOutOnceAtATimeAndAgainOnlyAfterItsGap() {
    SendingEntry entry = entry(1, "g");
    lines.add(queued(entry, "g", "one"), GAP, T0);
    lines.add(queued(entry, "g", "two"), GAP, T0);

    ChatLines.Line line = lines.take(T0).orElseThrow();
    assertThat(lines.head(line).reply().message().plainText()).isEqualTo("one");
    assertThat(lines.take(T0)).as("the line is out").isEmpty();
    lines.sent(line, T0);

    assertThat(lines.take(T0.plusSeconds(2))).isEmpty();
    assertThat(lines.untilReady(T0.plusSeconds(2))).contains(Duration.ofSeconds(1));
    ChatLines.Line again = lines.take(T0.plus(GAP)).orElseThrow();
    assertThat(lines.head(again).reply().message().plainText()).isEqualTo("two");
    lines.sent(again, T0.plus(GAP));
    assertThat(lines.idle()).isTrue();
  }

  @Test
  void aWaitingChatLetsAnotherChatGoFirst() {
    lines.add(queued(entry(1, "a"), "a", "a1"), GAP, T0);
    lines.add(queued(entry(1, "a"), "a", "a2"), GAP, T0);
    ChatLines.Line a = lines.take(T0).orElseThrow();
    lines.sent(a, T0);
    lines.add(queued(entry(2, "b"), "b", "b1"), GAP, T0.plusSeconds(1));

    ChatLines.Line next = lines.take(T0.plusSeconds(1)).orElseThrow();
    assertThat(next.chat()).isEqualTo("TELEGRAM:b");
  }

  @Test
  void aHeldLineKeepsItsHeadAndDroppingADeliveryKeepsTheOthers() {
    SendingEntry first = entry(1, "a");
    SendingEntry second = entry(2, "a");
    lines.add(queued(first, "a", "1a"), GAP, T0);
    lines.add(queued(first, "a", "1b"), GAP, T0);
    lines.add(queued(second, "a", "2a"), GAP, T0);

    ChatLines.Line line = lines.take(T0).orElseThrow();
    lines.holdUntil(line, T0.plusSeconds(20));
    assertThat(lines.take(T0.plusSeconds(19))).isEmpty();
    line = lines.take(T0.plusSeconds(20)).orElseThrow();
    assertThat(lines.head(line).reply().message().plainText()).isEqualTo("1a");

    lines.drop(line, first);
    assertThat(lines.queued()).isEqualTo(1);
    line = lines.take(T0.plusSeconds(20)).orElseThrow();
    assertThat(lines.head(line).reply().message().plainText()).isEqualTo("2a");
    assertThat(lines.dropAll(line)).containsExactly(second);
    assertThat(lines.idle()).isTrue();
  }

  private static SendingEntry entry(long id, String chat) {
    OutboxEntry entry =
        new OutboxEntry(
            id, StudyOwner.learner(id), DeliveryKind.QUIZ, LocalDate.of(2026, 5, 4), ref(chat), 0);
    return new SendingEntry(entry, 2);
  }

  private static ChatLines.Queued queued(SendingEntry entry, String chat, String text) {
    return new ChatLines.Queued(entry, new Reply(ref(chat), OutgoingMessage.text(text)));
  }

  private static ChatRef ref(String id) {
    return new ChatRef(Platform.TELEGRAM, id, ChatKind.GROUP);
  }
}
