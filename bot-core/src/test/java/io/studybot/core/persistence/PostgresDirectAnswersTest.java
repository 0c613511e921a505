package io.studybot.core.persistence;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Answers recorded directly (one statement) leave exactly what the ordinary turn leaves: the same
 * days are lived on two PostgreSQL schemas, one bot answering directly where it can and one always
 * the ordinary way, and every message shown and every row of study state must come out the same.
 * Along the way each press is checked to take the way it should.
 */
class PostgresDirectAnswersTest {
  private static final PlatformUser ALICE = user("100", "Alice", "en");
  private static final PlatformUser BOB = user("200", "Bob", "zh");
  private static final ChatRef ALICE_CHAT = privateChat(ALICE);
  private static final ChatRef BOB_CHAT = privateChat(BOB);
  private static final ChatRef STUDY_GROUP = group("-500");

  /** The state the answers touch, each table in its natural order, without generated ids. */
  private static final Map<String, String> TABLES =
      Map.of(
          "learner",
          "select display_name, streak_current, streak_best, streak_last_day, last_seen_at,"
              + " dormant, home_chat_id from learner order by display_name",
          "quiz",
          "select id, closed, local_day, review from quiz order by id",
          "quiz_attempt",
          "select quiz_question_id, learner_id, choice, correct, answered_at from quiz_attempt"
              + " order by quiz_question_id, learner_id",
          "review_card",
          "select learner_id, curriculum_id, topic_id, question_id, state, step, stability,"
              + " difficulty, due, last_review, reps, lapses, scheduled_days, elapsed_days"
              + " from review_card order by learner_id, topic_id, question_id",
          "completed_topic",
          "select enrollment_id, topic_id, completed_at, tested_out from completed_topic"
              + " order by enrollment_id, topic_id",
          "enrollment",
          "select id, position, unanswered_quizzes from enrollment order by id");

  @Test
  void directAnswersLeaveWhatTheOrdinaryTurnLeavesOverSeveralDays() throws SQLException {
    Days direct = new Days(true);
    Days ordinary = new Days(false);
    try {
      direct.live();
      ordinary.live();

      assertThat(direct.transcript()).isEqualTo(ordinary.transcript());
      for (String table : TABLES.keySet()) {
        assertThat(direct.rows(table)).as(table).isEqualTo(ordinary.rows(table));
      }
      assertThat(direct.rows("quiz_attempt")).hasSize(25);
      assertThat(direct.answeredDirectly()).isEqualTo(12);
      assertThat(ordinary.answeredDirectly()).isZero();
    } finally {
      direct.close();
      ordinary.close();
    }
  }

  /** The same simulated days on a schema of their own. */
  private static final class Days {
    private final boolean directAnswers;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BotHarness harness;
    private final io.studybot.core.persistence.DatabaseSettings settings;
    private double directBefore;

    Days(boolean directAnswers) {
      this.directAnswers = directAnswers;
      this.settings = TestDatabases.postgres();
      this.harness = new BotHarness(settings, TestCurriculum.create(), directAnswers, meters);
    }

    void live() {
      firstDay();
      secondDay();
      thirdAndFourthDays();
      inAGroup();
      harness.type(ALICE, "/progress");
      harness.type(BOB, "/progress");
      assertThat(harness.lastText(ALICE_CHAT)).contains("Streak: 1 day, best 2");
    }

    /** Alice and Bob each take a quiz; Alice misses one, taps one twice, and reviews it. */
    private void firstDay() {
      harness.type(ALICE, "/quiz");
      List<List<Button>> quiz = harness.questionButtons(ALICE_CHAT);
      press(ALICE, ALICE_CHAT, quiz.get(0), TestCurriculum.WRONG, true);
      press(ALICE, ALICE_CHAT, quiz.get(1), TestCurriculum.RIGHT, true);
      press(ALICE, ALICE_CHAT, quiz.get(1), TestCurriculum.WRONG, false); // answered already
      assertThat(harness.lastText(ALICE_CHAT)).contains("already answered");
      press(ALICE, ALICE_CHAT, quiz.get(2), TestCurriculum.RIGHT, true); // the last: finishes
      assertThat(harness.lastText(ALICE_CHAT)).contains("Quiz done: 2 of 3 right");

      harness.type(BOB, "/quiz");
      for (List<Button> question : harness.questionButtons(BOB_CHAT)) {
        press(BOB, BOB_CHAT, question, TestCurriculum.RIGHT, true);
      }

      harness.clock.advance(Duration.ofMinutes(5));
      harness.gateway.clear();
      harness.type(ALICE, "/review");
      List<List<Button>> review = harness.questionButtons(ALICE_CHAT);
      press(ALICE, ALICE_CHAT, review.get(0), TestCurriculum.RIGHT, false); // a review quiz
    }

    /**
     * The next topic's quiz, whose review question has a card already; a button of yesterday's
     * quiz; and a new name, which the ordinary turn stores.
     */
    private void secondDay() {
      List<List<Button>> yesterday = harness.questionButtons(ALICE_CHAT);
      harness.clock.advance(Duration.ofDays(1));
      harness.type(ALICE, "/next");
      harness.gateway.clear();
      harness.type(ALICE, "/quiz");
      List<List<Button>> quiz = harness.questionButtons(ALICE_CHAT);
      press(ALICE, ALICE_CHAT, quiz.get(0), TestCurriculum.RIGHT, true);
      press(ALICE, ALICE_CHAT, yesterday.get(0), TestCurriculum.RIGHT, false); // closed quiz
      PlatformUser renamed = user(ALICE.externalId(), "Alice B.", "en");
      press(renamed, ALICE_CHAT, quiz.get(1), TestCurriculum.WRONG, false); // a new name
      for (List<Button> question : quiz.subList(2, quiz.size())) {
        press(renamed, ALICE_CHAT, question, TestCurriculum.RIGHT, true);
      }
      assertThat(harness.lastText(ALICE_CHAT)).contains("Quiz done", "Streak: 2");
    }

    /**
     * Back after two hours (the ordinary turn notes the visit), then a quiz left half answered
     * whose last question is pressed the next day, after its day ended.
     */
    private void thirdAndFourthDays() {
      PlatformUser alice = user(ALICE.externalId(), "Alice B.", "en");
      harness.clock.advance(Duration.ofDays(1));
      harness.type(alice, "/next");
      harness.gateway.clear();
      harness.type(alice, "/quiz");
      List<List<Button>> quiz = harness.questionButtons(ALICE_CHAT);
      harness.clock.advance(Duration.ofHours(2));
      press(alice, ALICE_CHAT, quiz.get(0), TestCurriculum.RIGHT, false); // seen two hours ago
      press(alice, ALICE_CHAT, quiz.get(1), TestCurriculum.WRONG, true);
      harness.clock.advance(Duration.ofDays(1));
      press(alice, ALICE_CHAT, quiz.get(2), TestCurriculum.RIGHT, false); // the day is over
    }

    /** In a group every answer takes the ordinary turn. */
    private void inAGroup() {
      harness.type(BOB, STUDY_GROUP, "/quiz");
      for (List<Button> question : harness.questionButtons(STUDY_GROUP)) {
        press(BOB, STUDY_GROUP, question, TestCurriculum.RIGHT, false);
        press(ALICE, STUDY_GROUP, question, TestCurriculum.WRONG, false);
      }
    }

    /** Presses a choice, and checks that the answer took the way expected of it. */
    private void press(
        PlatformUser who, ChatRef chat, List<Button> question, int choice, boolean direct) {
      harness.clock.advance(Duration.ofSeconds(7));
      harness.press(who, chat, question.get(choice).payload());
      double now = answeredDirectly();
      assertThat(now - directBefore)
          .as("answered directly: %s", question.get(choice).payload())
          .isEqualTo(directAnswers && direct ? 1 : 0);
      directBefore = now;
    }

    double answeredDirectly() {
      return meters.find("studybot.answers.direct").counters().stream()
          .mapToDouble(Counter::count)
          .sum();
    }

    List<String> transcript() {
      List<String> lines = new ArrayList<>();
      for (FakeChatGateway.Sent sent : harness.gateway.all()) {
        lines.add(sent.chat().id() + " " + sent.at() + ": " + sent.text() + " " + labels(sent));
      }
      return lines;
    }

    private static List<String> labels(FakeChatGateway.Sent sent) {
      return sent.buttons().stream().map(Button::label).toList();
    }

    List<Map<String, Object>> rows(String table) throws SQLException {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (Connection connection = harness.database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(TABLES.get(table))) {
        ResultSetMetaData columns = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new TreeMap<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            row.put(columns.getColumnLabel(i), String.valueOf(result.getObject(i)));
          }
          rows.add(row);
        }
      }
      return rows;
    }

    void close() {
      harness.close();
      TestDatabases.dropPostgres(settings);
    }
  }
}
