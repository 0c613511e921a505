package io.studybot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.Button;
import io.studybot.core.study.Awaiting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

  @Test
  void everyKindOfPayloadReadsBackFromItsToken() {
    List<Payload> payloads =
        List.of(
            new Payload.Answer(9_007_199_254_740_993L, 3),
            new Payload.Answer(
                9_007_199_254_740_993L, java.util.Optional.of(new QuestionPlace(144, 11)), 4),
            new Payload.ChooseLanguage(Language.ZH),
            new Payload.ChooseZone("America/Argentina/Buenos_Aires"),
            new Payload.ChooseTime(Awaiting.LESSON_TIME, "07:30"),
            new Payload.ChooseTime(Awaiting.QUIZ_TIME, "21:00"),
            new Payload.AskSetting(Payload.Setting.ZONE),
            new Payload.Forget(true),
            new Payload.Forget(false),
            new Payload.RunCommand(BotCommand.QUIZ),
            new Payload.PlacementAnswer(9_007_199_254_740_993L, 14, 3));

    for (Payload payload : payloads) {
      assertThat(Payload.parse(payload.token())).as(payload.token()).contains(payload);
      assertThat(payload.token().getBytes(StandardCharsets.UTF_8))
          .hasSizeLessThanOrEqualTo(Button.MAX_PAYLOAD_BYTES);
    }
  }

  @Test
  void tokensKeepTheFormButtonsAlreadyInChatsCarry() {
    assertThat(new Payload.Answer(12, 1).token()).isEqualTo("a:12:1");
    assertThat(new Payload.Answer(12, java.util.Optional.of(new QuestionPlace(3, 2)), 1).token())
        .isEqualTo("a:12:3:2:1");
    assertThat(Payload.parse("a:12:1")).contains(new Payload.Answer(12, 1));
    assertThat(new Payload.ChooseTime(Awaiting.QUIZ_TIME, "20:00").token()).isEqualTo("qt:20:00");
    assertThat(new Payload.AskSetting(Payload.Setting.LESSON).token()).isEqualTo("set:lesson");
    assertThat(new Payload.RunCommand(BotCommand.NEXT).token()).isEqualTo("cmd:next");
    assertThat(new Payload.PlacementAnswer(7, 3, 1).token()).isEqualTo("pl:7:3:1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        "a",
        "a:",
        "a:12",
        "a:12:",
        "a:12:-1",
        "a:x:1",
        "a:1:2:3",
        "a:1:2:3:4:5",
        "a:1:2:-3:0",
        "a:99999999999999999999:1",
        "lang:xx",
        "set:colour",
        "cmd:drop",
        "cmd:",
        "bogus:1",
        "pl:1:2",
        "pl:1:-1:0",
        "pl:1:2:x",
        "pl:1:2:3:4",
        ":value"
      })
  void aForgedOrTruncatedTokenIsNoPayload(String token) {
    assertThat(Payload.parse(token)).isEmpty();
  }
}
