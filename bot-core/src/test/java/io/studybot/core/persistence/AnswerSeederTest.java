package io.studybot.core.persistence;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answers benchmark's seeding: what it writes is a quiz the real bot takes answers to. */
class AnswerSeederTest {
  private static final List<QuestionRef> QUESTIONS =
      List.of(
          new QuestionRef("alpha", "q1", false),
          new QuestionRef("alpha", "q2", false),
          new QuestionRef("beta", "q1", true));

  @Test
  void seededQuizzesTakeAnswersOnH2() throws SQLException {
    try (BotHarness harness = new BotHarness(TestDatabases.h2(), TestCurriculum.create())) {
      answerEverySeededQuestion(harness);
    }
  }

  @Test
  void seededQuizzesTakeAnswersOnPostgres() throws SQLException {
    DatabaseSettings settings = TestDatabases.postgres();
    try (BotHarness harness = new BotHarness(settings, TestCurriculum.create())) {
      answerEverySeededQuestion(harness);
    } finally {
      TestDatabases.dropPostgres(settings);
    }
  }

  private static void answerEverySeededQuestion(BotHarness harness) throws SQLException {
    harness.type(user("1", "Earlier", "en"), "/quiz"); // seeded ids must follow existing rows
    AnswerSeeder.Seeded seeded =
        AnswerSeeder.seedOpenQuizzes(
            harness.database, 3, "test-course", "alpha", QUESTIONS, harness.clock.instant());

    PlatformUser second = user(seeded.externalId(1), "Second", "en");
    ChatRef chat = privateChat(second);
    for (int q = 0; q < QUESTIONS.size(); q++) {
      harness.press(second, chat, "a:" + seeded.questionId(1, q) + ":" + TestCurriculum.RIGHT);
    }
    assertThat(harness.lastText(chat)).contains("Quiz done: 3 of 3 right");
    harness.press(second, chat, "a:" + seeded.questionId(1, 0) + ":" + TestCurriculum.WRONG);
    assertThat(harness.lastText(chat)).contains("already answered");

    assertThat(count(harness, "select count(*) from quiz_attempt where learner_id = " + id(seeded)))
        .isEqualTo(3);
    assertThat(count(harness, "select count(*) from review_card where learner_id = " + id(seeded)))
        .isEqualTo(3);
    assertThat(count(harness, "select count(*) from completed_topic where topic_id = 'alpha'"))
        .isEqualTo(1);
    assertThat(count(harness, "select count(*) from quiz where closed")).isEqualTo(1);
    assertThat(count(harness, "select count(*) from quiz_question")).isEqualTo(3 * 3 + 3);

    PlatformUser later = user("later", "Later", "en");
    harness.type(later, "/quiz"); // new rows get ids after the seeded ones
    assertThat(harness.questionButtons(privateChat(later))).isNotEmpty();
  }

  private static long id(AnswerSeeder.Seeded seeded) {
    return seeded.firstLearnerId() + 1;
  }

  private static long count(BotHarness harness, String sql) throws SQLException {
    try (Connection connection = harness.database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
