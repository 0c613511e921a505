package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private final BotHarness harness = BotHarness.onH2();
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef aliceChat = privateChat(alice);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void everyCommandOfTheCatalogIsUnderstoodInPrivateAndInGroups() {
    ChatRef study = group("-5");
    for (BotCommand command : BotCommand.values()) {
      if (command == BotCommand.FORGET) {
        continue; // asks first; answered below
      }
      for (ChatRef chat : List.of(aliceChat, study)) {
        harness.gateway.clear();
        harness.type(alice, chat, "/" + command.command());
        assertThat(harness.gateway.sentTo(chat))
            .as("/%s in %s", command.command(), chat.kind())
            .isNotEmpty()
            .noneSatisfy(
                sent ->
                    assertThat(sent.text())
                        .containsAnyOf("I don't know the command", "something went wrong"));
      }
    }
    harness.type(alice, "/forget");
    assertThat(harness.lastText(aliceChat)).contains("delete");
  }

  @Test
  void inAGroupOnlyAdminsMoveTheCourseOn() {
    ChatRef study = group("-9");
    PlatformUser bob = user("101", "Bob", "en");
    harness.type(bob, study, "/today");
    assertThat(harness.lastText(study)).contains("Day 1 of 3");

    harness.type(bob, study, "/next");
    assertThat(harness.lastText(study)).contains("Only the group's admins can use /next here");
    harness.type(bob, study, "/skip");
    assertThat(harness.lastText(study)).contains("Only the group's admins can use /skip here");
    harness.type(bob, study, "/today");
    assertThat(harness.lastText(study)).contains("Day 1 of 3");

    harness.receive(
        ((io.studybot.core.chat.IncomingEvent.Command)
                io.studybot.core.chat.IncomingEvent.parse(alice, study, "/next"))
            .asChatAdmin());
    assertThat(harness.lastText(study)).contains("Day 2 of 3");
    harness.type(bob, "/next"); // in a private chat everyone moves their own course
    assertThat(harness.lastText(privateChat(bob))).contains("Day 2 of 3");
  }

  @Test
  void aMemberWhoTalksToTheBotPrivatelyGetsTheWholeVerdictOfAGroupAnswerThere() {
    ChatRef study = group("-8");
    PlatformUser bob = user("102", "Bob", "en");
    harness.type(alice, "/help"); // Alice has a private chat with the bot; Bob does not
    harness.type(bob, study, "/quiz");
    List<Button> first = harness.questionButtons(study).get(0);

    harness.press(alice, study, first.get(TestCurriculum.RIGHT).payload());
    harness.press(bob, study, first.get(TestCurriculum.WRONG).payload());

    assertThat(harness.lastText(aliceChat)).contains("✅ Right:", "Because B is right.");
    assertThat(harness.gateway.sentTo(privateChat(bob))).isEmpty();
    assertThat(harness.gateway.sentTo(study))
        .filteredOn(sent -> sent.text().contains("Because B is right."))
        .hasSize(2)
        .allSatisfy(
            sent ->
                assertThat(sent.message().visibility())
                    .isEqualTo(OutgoingMessage.Visibility.PERSONAL));
  }

  @Test
  void helpListsTheCatalogsCommandsForTheKindOfChat() {
    harness.type(alice, "/help");
    assertThat(harness.lastText(aliceChat))
        .contains("/settings: Language, time zone, lesson and quiz times", "/review", "/forget")
        .doesNotContain("/subscribe");
    harness.type(alice, group("-5"), "/help");
    assertThat(harness.lastText(group("-5")))
        .contains("/subscribe: Admins", "/unsubscribe", "work in a private chat")
        .doesNotContain("/settings:");
  }

  @Test
  void onboardingLessonAnswersProgressAndTopics() {
    harness.type(alice, "/start");
    assertThat(harness.lastText(aliceChat)).contains("Hi Alice", "which language");
    harness.pressLabel(alice, aliceChat, "English");
    assertThat(harness.lastText(aliceChat)).contains("Which time zone");
    harness.type(alice, "europe/berlin");
    assertThat(harness.lastText(aliceChat)).contains("When should the daily lesson arrive");
    harness.type(alice, "7:30");
    List<String> done = harness.gateway.sentTo(aliceChat).stream().map(s -> s.text()).toList();
    assertThat(done.get(done.size() - 2)).contains("07:30", "20:00", "Europe/Berlin");
    assertThat(done.get(done.size() - 1)).contains("Day 1 of 3"); // the first lesson right away

    harness.type(alice, "/today");
    assertThat(harness.lastText(aliceChat))
        .contains(
            "Day 1 of 3 · Topic alpha", "A lesson about `alpha`", "Key points", "print('alpha')");

    harness.type(alice, "/quiz");
    List<List<Button>> questions = harness.questionButtons(aliceChat);
    assertThat(questions).hasSize(3);
    harness.press(alice, aliceChat, questions.get(0).get(TestCurriculum.RIGHT).payload());
    assertThat(harness.lastText(aliceChat))
        .containsPattern("✅ Right: [ABC]\\. right")
        .contains("Because B is right.");
    harness.press(alice, aliceChat, questions.get(1).get(TestCurriculum.WRONG).payload());
    assertThat(harness.lastText(aliceChat))
        .containsPattern("❌ Not quite, you chose [ABC]\\. wrong")
        .containsPattern("The right answer is [ABC]\\. right");
    harness.press(alice, aliceChat, questions.get(2).get(TestCurriculum.RIGHT).payload());
    assertThat(harness.lastText(aliceChat)).contains("Quiz done: 2 of 3 right", "Streak: 1 day");

    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat))
        .contains(
            "Progress of Alice",
            "Topic 1 of 3: Topic alpha",
            "Topics done: 1 of 3",
            "Answers: 3, 67% right",
            "Streak: 1 day, best 1",
            "Lesson at 07:30, quiz at 20:00 (Europe/Berlin)");

    harness.type(alice, "/next");
    assertThat(harness.lastText(aliceChat)).contains("Day 2 of 3 · Topic beta");
    harness.type(alice, "/topics");
    assertThat(harness.lastText(aliceChat))
        .contains(
            "Phase one: 1/2 done · /topics 1",
            "✅ 1. Topic alpha",
            "▶ 2. Topic beta",
            "Phase two: 0/1 done · /topics 2")
        .doesNotContain("Phase 1: Phase");
  }

  @Test
  void quizAnswerReplacesTheQuestionMessageInPrivateChats() {
    harness.type(alice, "/quiz");
    Button right = harness.questionButtons(aliceChat).get(0).get(TestCurriculum.RIGHT);
    harness.receive(
        new io.studybot.core.chat.IncomingEvent.ButtonPress(
            alice, aliceChat, right.payload(), java.util.Optional.of("42")));
    OutgoingMessage verdict = harness.gateway.lastTo(aliceChat).message();
    assertThat(verdict.replaces()).contains("42");
  }

  @Test
  void chineseHintGivesChineseRepliesAndShanghaiTime() {
    PlatformUser li = user("200", "小李", "zh-hans");
    harness.type(li, "/settings");
    assertThat(harness.lastText(privateChat(li)))
        .contains("你的设置", "语言：中文", "时区：Asia/Shanghai", "课程：09:00", "小测：20:00");
    harness.type(li, "/help");
    assertThat(harness.lastText(privateChat(li))).contains("/today：当前主题的课程", "/review：到期需要复习的题目");
  }

  @Test
  void everyCommandWorksBeforeStart() {
    PlatformUser bob = user("300", "Bob", null);
    ChatRef bobChat = privateChat(bob);
    harness.type(bob, "/today");
    assertThat(harness.lastText(bobChat)).contains("Day 1 of 3 · Topic alpha");
    harness.type(bob, "/progress");
    assertThat(harness.lastText(bobChat)).contains("Topics done: 0 of 3", "(UTC)");
    for (String command :
        List.of(
            "/help",
            "/quiz",
            "/topics",
            "/settings",
            "/pause",
            "/resume",
            "/skip",
            "/next",
            "/forget")) {
      harness.type(bob, command);
      assertThat(harness.lastText(bobChat)).as(command).doesNotContain("went wrong");
    }
  }

  @Test
  void languageCanBeSwitchedInSettings() {
    harness.type(alice, "/settings language zh");
    assertThat(harness.lastText(aliceChat)).contains("之后我会用中文");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat)).contains("的学习进度");
  }

  @Test
  void settingsButtonsAskAndTypedAnswersApply() {
    harness.type(alice, "/settings");
    harness.pressLabel(alice, aliceChat, "Quiz time");
    assertThat(harness.lastText(aliceChat)).contains("When should the daily quiz arrive");
    harness.type(alice, "21:15");
    assertThat(harness.lastText(aliceChat)).contains("Your quiz will arrive at 21:15");
    harness.type(alice, "/settings");
    assertThat(harness.lastText(aliceChat)).contains("Quiz: 21:15");
  }

  @Test
  void pauseAndResumeShowInSettings() {
    harness.type(alice, "/pause");
    assertThat(harness.lastText(aliceChat)).contains("Paused");
    harness.type(alice, "/settings");
    assertThat(harness.lastText(aliceChat)).contains("Deliveries: paused");
    harness.type(alice, "/resume");
    harness.type(alice, "/settings");
    assertThat(harness.lastText(aliceChat)).contains("Deliveries: active");
  }

  @Test
  void forgetDeletesEverythingAfterConfirmation() {
    harness.type(alice, "/quiz");
    harness.press(alice, aliceChat, harness.questionButtons(aliceChat).get(0).get(1).payload());
    harness.type(alice, "/forget");
    assertThat(harness.lastText(aliceChat)).contains("Are you sure?");
    harness.pressLabel(alice, aliceChat, "Cancel");
    assertThat(harness.lastText(aliceChat)).contains("Nothing was deleted");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat)).contains("Answers: 1");

    harness.type(alice, "/forget");
    harness.pressLabel(alice, aliceChat, "Delete everything");
    assertThat(harness.lastText(aliceChat)).contains("everything I stored about you is deleted");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat)).contains("Answers: 0", "Topic 1 of 3");
  }

  @Test
  void skipRecordsOpenQuestionsAsMissedAndMovesOn() {
    harness.type(alice, "/quiz");
    harness.press(
        alice,
        aliceChat,
        harness.questionButtons(aliceChat).get(0).get(TestCurriculum.RIGHT).payload());
    harness.type(alice, "/skip");
    assertThat(
            harness
                .gateway
                .sentTo(aliceChat)
                .get(harness.gateway.sentTo(aliceChat).size() - 2)
                .text())
        .contains("Skipped “Topic alpha”");
    assertThat(harness.lastText(aliceChat)).contains("Day 2 of 3 · Topic beta");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat)).contains("Answers: 3, 33% right");
  }

  @Test
  void quizAgainResendsOnlyUnansweredQuestions() {
    harness.type(alice, "/quiz");
    harness.press(alice, aliceChat, harness.questionButtons(aliceChat).get(0).get(1).payload());
    harness.gateway.clear();
    harness.type(alice, "/quiz");
    assertThat(harness.gateway.sentTo(aliceChat).get(0).text()).contains("still open");
    assertThat(harness.questionButtons(aliceChat)).hasSize(2);
  }

  @Test
  void groupMembersAnswerTheSameQuizAndShareALeaderboard() {
    ChatRef study = group("-500");
    PlatformUser bob = user("300", "Bob", "en");
    harness.type(alice, study, "/quiz@StudyBot");
    List<List<Button>> questions = harness.questionButtons(study);
    assertThat(questions).hasSize(3);
    for (List<Button> question : questions) {
      harness.press(alice, study, question.get(TestCurriculum.RIGHT).payload());
      harness.press(bob, study, question.get(TestCurriculum.WRONG).payload());
    }
    OutgoingMessage verdict = harness.gateway.lastTo(study).message();
    assertThat(verdict.visibility()).isEqualTo(OutgoingMessage.Visibility.PERSONAL);

    harness.type(bob, study, "/progress");
    assertThat(harness.lastText(study))
        .contains(
            "Leaderboard: 2 members",
            "1. Alice: 1 topic, 100% right, streak 1",
            "2. Bob: 1 topic, 0% right, streak 1");
    harness.type(bob, study, "hello everyone");
    assertThat(harness.lastText(study)).contains("Leaderboard");
  }

  @Test
  void personalCommandsInAGroupPointToThePrivateChat() {
    ChatRef study = group("-500");
    harness.type(alice, study, "/settings zone Europe/Paris");
    assertThat(harness.lastText(study)).contains("/settings is personal");
    harness.type(alice, "/settings");
    assertThat(harness.lastText(aliceChat)).contains("Time zone: UTC");
  }
}
