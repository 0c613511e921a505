package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Curricula;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.testing.TestDatabases;
import io.studybot.telegram.TelegramEmulator.BotMessage;
import io.studybot.telegram.TelegramEmulator.Chat;
import io.studybot.telegram.TelegramEmulator.User;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real adapter, long polling against telegram-test-api, a third-party Bot API emulator, with
 * the bundled course on H2: onboarding, a lesson, a quiz answered by button, and a group
 * leaderboard. The emulator lacks some methods (setMyCommands answers 500) and returns dates in
 * milliseconds; the bot must work all the same.
 */
class TelegramAdapterE2ETest {
  private static TelegramEmulator emulator;
  private static Database database;
  private static TelegramAdapter adapter;

  @BeforeAll
  static void start() throws Exception {
    emulator = TelegramEmulator.start();
    database = Database.open(TestDatabases.h2());
    StudyBot bot =
        new StudyBot(
            new HibernateStudyStore(database.sessionFactory()),
            Curricula.bundled(),
            StudyRules.DEFAULT,
            Clock.systemUTC());
    adapter =
        TelegramAdapter.start(
            TelegramSettings.longPolling(TelegramEmulator.TOKEN, emulator.apiUrl()), bot);
  }

  @AfterAll
  static void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (database != null) {
      database.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void aLearnerOnboardsReadsTheLessonAndAnswersAQuizByButton() throws Exception {
    User ada = new User(1001, "Ada", "en");
    Chat chat = Chat.privateWith(ada);

    emulator.command(ada, chat, "/start");
    BotMessage welcome = emulator.awaitText(chat, "which language");
    assertThat(welcome.text()).contains("Hi Ada");
    emulator.press(ada, chat, welcome, welcome.button("English"));
    emulator.awaitText(chat, "Which time zone");
    emulator.text(ada, chat, "Europe/Berlin");
    emulator.awaitText(chat, "When should the daily lesson arrive");
    emulator.text(ada, chat, "08:00");
    emulator.awaitText(chat, "lesson arrives at 08:00");

    emulator.command(ada, chat, "/today");
    BotMessage lesson = emulator.awaitText(chat, "Day 1 of");
    assertThat(lesson.text()).contains("<b>");

    emulator.command(ada, chat, "/quiz");
    BotMessage question = emulator.awaitText(chat, "Question 1 of 3");
    List<String> answers = question.buttonData();
    assertThat(answers).hasSizeGreaterThan(1);
    emulator.press(ada, chat, question, answers.get(0));

    BotMessage verdict =
        emulator.awaitMessage(
            chat,
            message ->
                message.messageId() == question.messageId()
                    && (message.text().contains("Right") || message.text().contains("Not quite")));
    assertThat(verdict.text()).doesNotContain("Question 1 of 3");
  }

  @Test
  void aGroupShowsTheLeaderboardOfTheTwoMembersWhoAnswered() throws Exception {
    User eve = new User(2001, "<b>Eve & co</b>", "en");
    User bob = new User(2002, "Bob", "en");
    Chat group = Chat.group(-5001, "Python study group");

    emulator.command(eve, group, "/quiz@TestNameBot");
    emulator.awaitText(group, "Question 3 of 3");
    List<BotMessage> questions =
        emulator.botMessages(group).stream()
            .filter(message -> message.text().contains("Question "))
            .toList();
    assertThat(questions).hasSize(3);
    for (BotMessage question : questions) {
      emulator.press(eve, group, question, question.buttonData().get(0));
      emulator.press(bob, group, question, question.buttonData().get(1));
    }

    emulator.command(bob, group, "/progress");
    BotMessage board = emulator.awaitText(group, "Leaderboard: 2 member(s)");
    assertThat(board.text()).contains("&lt;b&gt;Eve &amp; co&lt;/b&gt;", "Bob");
    assertThat(board.text()).doesNotContain("<b>Eve");
  }
}
