package io.studybot.core.persistence;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State lives in the H2 file under the data folder and survives a restart. */
class RestartTest {
  @TempDir Path dataDir;

  @Test
  void progressAndSettingsSurviveARestart() {
    PlatformUser alice = user("1", "Alice", "en");
    ChatRef chat = privateChat(alice);
    try (BotHarness first =
        new BotHarness(DatabaseSettings.embedded(dataDir), TestCurriculum.create())) {
      first.type(alice, "/settings zone America/New_York");
      first.type(alice, "/quiz");
      first.press(
          alice, chat, first.questionButtons(chat).get(0).get(TestCurriculum.RIGHT).payload());
      first.type(alice, "/next");
    }
    assertThat(dataDir.resolve("studybot.mv.db")).exists();
    try (BotHarness second =
        new BotHarness(DatabaseSettings.embedded(dataDir), TestCurriculum.create())) {
      second.type(alice, "/progress");
      assertThat(second.lastText(chat))
          // /next ends the open quiz: its two unanswered questions count as missed
          .contains("Topic 2 of 3", "Answers: 3, 33% right", "(America/New_York)");
    }
  }
}
