package io.studybot.core.persistence;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole conversation on PostgreSQL: the queries behave as on H2. */
class PostgresConversationTest {
  private DatabaseSettings settings;
  private BotHarness harness;

  @BeforeEach
  void open() {
    settings = TestDatabases.postgres();
    harness = new BotHarness(settings, TestCurriculum.create());
  }

  @AfterEach
  void close() {
    harness.close();
    TestDatabases.dropPostgres(settings);
  }

  @Test
  void quizProgressAndGroupLeaderboard() {
    PlatformUser alice = user("1", "Alice", "en");
    PlatformUser bob = user("2", "Bob", "zh");
    ChatRef aliceChat = privateChat(alice);
    harness.type(alice, "/quiz");
    for (List<Button> question : harness.questionButtons(aliceChat)) {
      harness.press(alice, aliceChat, question.get(TestCurriculum.RIGHT).payload());
    }
    harness.press(alice, aliceChat, harness.questionButtons(aliceChat).get(0).get(0).payload());
    assertThat(harness.lastText(aliceChat)).contains("already answered");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat))
        .contains("Topics done: 1 of 3", "Answers: 3, 100% right", "Streak: 1 day");

    ChatRef study = group("-9");
    harness.type(bob, study, "/quiz");
    for (List<Button> question : harness.questionButtons(study)) {
      harness.press(bob, study, question.get(TestCurriculum.RIGHT).payload());
      harness.press(alice, study, question.get(TestCurriculum.WRONG).payload());
    }
    harness.type(alice, study, "/progress");
    assertThat(harness.lastText(study)).contains("排行榜", "1. Bob", "2. Alice");
  }
}
