package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Curricula;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.inbox.InboxLoop;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.persistence.JdbcInboxStore;
import io.studybot.core.testing.TestDatabases;
import io.studybot.telegram.TelegramEmulator.BotMessage;
import io.studybot.telegram.TelegramEmulator.Chat;
import io.studybot.telegram.TelegramEmulator.User;
import java.time.Clock;
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
  private static InboxLoop inbox;

  @BeforeAll
  static void start() throws Exception {
    emulator = TelegramEmulator.start();
    database = Database.open(TestDatabases.h2());
    StudyBot bot =
        new StudyBot(
            new HibernateStudyStore(database),
            Curricula.bundled(),
            StudyRules.DEFAULT,
            Clock.systemUTC());
    inbox = InboxLoop.start(new JdbcInboxStore(database), Clock.systemUTC(), 4);
    adapter =
        TelegramAdapter.start(
            TelegramSettings.longPolling(TelegramEmulator.TOKEN, emulator.apiUrl()),
            bot,
            bot,
            inbox);
  }

  @AfterAll
  static void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (inbox != null) {
      inbox.close();
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
    TelegramScenarios.privateChat(emulator, new User(1001, "Ada", "en"));
  }

  @Test
  void aGroupShowsTheLeaderboardOfTheTwoMembersWhoAnswered() throws Exception {
    User eve = new User(2001, "<b>Eve & co</b>", "en");
    User bob = new User(2002, "Bob", "en");
    Chat group = Chat.group(-5001, "Python study group");

    TelegramScenarios.groupLeaderboard(emulator, group, eve, bob);

    BotMessage board = emulator.awaitText(group, "Leaderboard");
    assertThat(board.text()).contains("&lt;b&gt;Eve &amp; co&lt;/b&gt;").doesNotContain("<b>Eve");
  }

  @Test
  void aCommandInAForumTopicIsAnsweredInThatTopic() throws Exception {
    User ann = new User(3001, "Ann", "en");
    Chat forum = new Chat(-1003001, "supergroup", "Forum");

    emulator.commandInTopic(ann, forum, 7, "/today@TestNameBot");

    BotMessage lesson = emulator.awaitText(forum, "Day 1 of");
    assertThat(lesson.threadId()).isEqualTo(7);
  }

  @Test
  void aGroupUpgradedToASupergroupKeepsItsLeaderboardThere() throws Exception {
    User cid = new User(4001, "Cid", "en");
    User dan = new User(4002, "Dan", "en");
    Chat group = Chat.group(-4001, "Small group");
    Chat supergroup = new Chat(-1004001, "supergroup", "Small group");
    TelegramScenarios.groupLeaderboard(emulator, group, cid, dan);

    // The supergroup's own service message is handled before the command that follows it there.
    emulator.upgraded(cid, group, supergroup);
    emulator.command(dan, supergroup, "/progress@TestNameBot");

    BotMessage board = emulator.awaitText(supergroup, "Leaderboard: 2 members");
    assertThat(board.text()).contains("Cid", "Dan");
  }
}
