package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Curriculum;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.state.Repositories;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.Learner;
import io.studybot.core.study.Placement;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /placement on a course of the bundled one's size: an adaptive test that places the learner. */
class PlacementConversationTest {
  private static final int TOPICS = 40;
  private static final Pattern TOPIC_OF_QUESTION = Pattern.compile("Question q\\d+ on t(\\d+)\\?");

  private final Curriculum curriculum = TestCurriculum.create(TOPICS);
  private final BotHarness harness = new BotHarness(TestDatabases.h2(), curriculum);
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef aliceChat = privateChat(alice);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void answeringEverythingRightStartsInTheLastQuarterWithTheTopicsBeforeTestedOut() {
    harness.type(alice, "/placement");
    assertThat(harness.gateway.sentTo(aliceChat).get(0).text()).contains("Placement test");

    int asked = answerAll(topic -> true);

    assertThat(asked).isBetween(10, 15);
    assertThat(harness.lastText(aliceChat))
        .contains("Placement done: " + asked + " of " + asked + " right", "Topics tested out: ");
    int position = position();
    assertThat(position).isGreaterThanOrEqualTo(TOPICS * 3 / 4).isLessThan(TOPICS);

    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat))
        .contains(
            "Topic " + (position + 1) + " of " + TOPICS,
            "Topics done: " + position + " of " + TOPICS + " (" + position + " tested out)",
            "Reviews due today:")
        .doesNotContain("Reviews: none yet");
    harness.type(alice, "/topics");
    assertThat(harness.lastText(aliceChat))
        .contains("⏭ 1. Topic t1", "⏭ " + position + ". ", "▶ " + (position + 1) + ". ")
        .contains("⏭ tested out")
        .doesNotContain("✅ 1.");

    List<QuestionCard> cards =
        state(repos -> repos.cards().all(learner(repos).id(), curriculum.id()));
    assertThat(cards).hasSize(asked);
    assertThat(testedOut().size()).isEqualTo(position);
  }

  @Test
  void answeringNothingRightStartsAtTheFirstTopicWithNothingTestedOut() {
    harness.type(alice, "/placement");
    int asked = answerAll(topic -> false);

    assertThat(asked).isBetween(10, 15);
    assertThat(harness.lastText(aliceChat))
        .contains(
            "Placement done: 0 of " + asked + " right",
            "topic 1 of 40",
            "No topics were tested out");
    assertThat(position()).isZero();
    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat))
        .contains("Topic 1 of 40", "Topics done: 0 of 40")
        .doesNotContain("tested out");
    harness.type(alice, "/topics");
    assertThat(harness.lastText(aliceChat)).contains("▶ 1. Topic t1").doesNotContain("⏭ 1.");
    // wrong answers are cards too: they come back soon (Again)
    assertThat(cards().size()).isEqualTo(asked);
  }

  @Test
  void theSearchFindsTheFirstTopicTheLearnerDoesNotKnow() {
    harness.type(alice, "/placement");
    int asked = answerAll(topic -> topic <= 20); // knows t1..t20

    assertThat(asked).isBetween(10, 15);
    assertThat(harness.lastText(aliceChat)).contains("topic 21 of 40: Topic t21");
    assertThat(position()).isEqualTo(20);
    assertThat(testedOut()).hasSize(20).contains("t1", "t20").doesNotContain("t21");
  }

  @Test
  void aStaleReplayedOrForgedPressChangesNothingAndSaysSo() {
    harness.type(alice, "/placement");
    List<Button> first = placementButtons();
    harness.press(alice, aliceChat, first.get(TestCurriculum.RIGHT).payload());
    List<Button> second = placementButtons();
    assertThat(second).isNotEqualTo(first);
    long placementId = state(repos -> placement(repos).id());

    for (String token :
        List.of(
            first.get(TestCurriculum.RIGHT).payload(), // replayed
            first.get(TestCurriculum.WRONG).payload(), // the question is no longer on screen
            "pl:" + (placementId + 1) + ":1:1", // another placement
            "pl:" + placementId + ":2:1", // a question not asked yet
            "pl:" + placementId + ":1:7", // no such choice
            "pl:" + placementId + ":1")) { // malformed
      int sent = harness.gateway.sentTo(aliceChat).size();
      harness.press(alice, aliceChat, token);
      assertThat(harness.gateway.sentTo(aliceChat)).hasSize(sent + 1);
      assertThat(harness.lastText(aliceChat)).as(token).contains("no longer");
      assertThat(asked()).as(token).isEqualTo(1);
    }
    assertThat(cards().size()).isEqualTo(1);

    // other commands leave it paused; the question on screen still counts
    harness.type(alice, "/today");
    harness.type(alice, "/quiz");
    harness.press(alice, aliceChat, second.get(TestCurriculum.RIGHT).payload());
    assertThat(asked()).isEqualTo(2);

    // /placement starts over: the running test's buttons are stale
    List<Button> third = placementButtons();
    harness.type(alice, "/placement");
    harness.press(alice, aliceChat, third.get(TestCurriculum.RIGHT).payload());
    assertThat(harness.lastText(aliceChat)).contains("no longer");
    assertThat(asked()).isZero();
  }

  @Test
  void aRunningPlacementSurvivesARestart() {
    harness.type(alice, "/placement");
    harness.press(alice, aliceChat, placementButtons().get(TestCurriculum.RIGHT).payload());
    List<Button> onScreen = placementButtons();

    StudyBot restarted =
        new StudyBot(
            new HibernateStudyStore(harness.database),
            curriculum,
            StudyRules.DEFAULT,
            harness.clock);
    var replies =
        restarted.handle(
            new io.studybot.core.chat.IncomingEvent.ButtonPress(
                alice,
                aliceChat,
                onScreen.get(TestCurriculum.RIGHT).payload(),
                java.util.Optional.empty()));
    assertThat(replies).isNotEmpty();
    assertThat(replies.get(0).message().plainText()).contains("Right");
    assertThat(asked()).isEqualTo(2);
  }

  @Test
  void testedOutTopicsStayTestedOutWhenTwoAccountsAreLinked() {
    PlatformUser onDiscord =
        new PlatformUser(Platform.DISCORD, "900", "alice#1", java.util.Optional.of("en-US"));
    ChatRef discordChat = privateChat(onDiscord);
    harness.type(alice, "/progress"); // an enrollment on Telegram too
    harness.type(onDiscord, "/placement");
    List<FakeChatGateway.Sent> sent = harness.gateway.sentTo(discordChat);
    harness.press(
        onDiscord,
        discordChat,
        BotHarness.inCurriculumOrder(sent.get(sent.size() - 1).buttons()).get(1).payload());
    harness.type(onDiscord, "/placement");
    int asked = 0;
    while (!harness.lastText(discordChat).contains("Placement done") && asked++ < 20) {
      sent = harness.gateway.sentTo(discordChat);
      harness.press(
          onDiscord,
          discordChat,
          BotHarness.inCurriculumOrder(sent.get(sent.size() - 1).buttons())
              .get(TestCurriculum.RIGHT)
              .payload());
    }
    harness.type(alice, "/link");
    Matcher code = Pattern.compile("link code: ([A-Z0-9]{6})").matcher(harness.lastText(aliceChat));
    assertThat(code.find()).isTrue();
    harness.type(onDiscord, "/link " + code.group(1));
    assertThat(harness.lastText(discordChat)).contains("Linked");

    harness.type(alice, "/progress");
    assertThat(harness.lastText(aliceChat))
        .contains("Topics done: 39 of 40 (39 tested out)", "Topic 40 of 40");
  }

  @Test
  void placementIsForPrivateChatsOnly() {
    ChatRef study = group("-5");
    harness.type(alice, study, "/placement");
    assertThat(harness.lastText(study)).contains("/placement is personal");
    assertThat(harness.gateway.lastTo(study).message().visibility())
        .isEqualTo(io.studybot.core.chat.OutgoingMessage.Visibility.PERSONAL);
    boolean placed =
        state(
            repos ->
                repos
                    .learners()
                    .byAccount(Platform.TELEGRAM, "100")
                    .flatMap(l -> repos.enrollments().find(l.owner(), curriculum.id()))
                    .flatMap(e -> repos.enrollments().placement(e.id()))
                    .isPresent());
    assertThat(placed).isFalse();

    harness.type(alice, "/placement");
    harness.press(alice, study, placementButtons().get(TestCurriculum.RIGHT).payload());
    assertThat(harness.lastText(study)).contains("personal");
    assertThat(asked()).isZero();
  }

  @Test
  void onboardingOffersThePlacementTest() {
    harness.type(alice, "/start");
    harness.pressLabel(alice, aliceChat, "English");
    harness.type(alice, "Europe/Berlin");
    harness.type(alice, "07:30");
    assertThat(harness.gateway.sentTo(aliceChat)).anyMatch(sent -> sent.text().contains("All set"));
    Button offer = harness.button(aliceChat, "I already know some Python");
    assertThat(offer.payload()).isEqualTo("cmd:placement");

    harness.press(alice, aliceChat, offer.payload());
    assertThat(harness.lastText(aliceChat)).contains("Placement question 1 · Phase one");
    assertThat(placementButtons())
        .extracting(Button::label)
        .containsExactly("wrong", "right", "also wrong");
  }

  @Test
  void onboardingInChineseOffersItInChinese() {
    PlatformUser li = user("200", "Li", "zh");
    ChatRef liChat = privateChat(li);
    harness.type(li, "/start");
    harness.pressLabel(li, liChat, "中文");
    harness.type(li, "Asia/Shanghai");
    harness.type(li, "08:00");
    assertThat(harness.button(liChat, "我已经会一些 Python").payload()).isEqualTo("cmd:placement");
  }

  /** Answers until the result: right where {@code knows} the question's topic number. */
  private int answerAll(IntPredicate knows) {
    int asked = 0;
    while (!harness.lastText(aliceChat).contains("Placement done")) {
      assertThat(asked).as("questions asked").isLessThanOrEqualTo(Placement.MAX_QUESTIONS);
      FakeChatGateway.Sent question = lastQuestion();
      Matcher matcher = TOPIC_OF_QUESTION.matcher(question.text());
      assertThat(matcher.find()).as(question.text()).isTrue();
      boolean right = knows.test(Integer.parseInt(matcher.group(1)));
      Button button =
          BotHarness.inCurriculumOrder(question.buttons())
              .get(right ? TestCurriculum.RIGHT : TestCurriculum.WRONG);
      harness.press(alice, aliceChat, button.payload());
      asked++;
    }
    return asked;
  }

  private FakeChatGateway.Sent lastQuestion() {
    List<FakeChatGateway.Sent> sent = harness.gateway.sentTo(aliceChat);
    for (int i = sent.size() - 1; i >= 0; i--) {
      List<Button> buttons = sent.get(i).buttons();
      if (!buttons.isEmpty() && buttons.get(0).payload().startsWith("pl:")) {
        return sent.get(i);
      }
    }
    throw new AssertionError("no placement question");
  }

  private List<Button> placementButtons() {
    return BotHarness.inCurriculumOrder(lastQuestion().buttons());
  }

  private int position() {
    return state(repos -> enrollment(repos).position());
  }

  private int asked() {
    return state(repos -> placement(repos).asked());
  }

  private List<QuestionCard> cards() {
    return state(repos -> repos.cards().all(learner(repos).id(), curriculum.id()));
  }

  private java.util.Set<String> testedOut() {
    return state(repos -> repos.enrollments().testedOutTopics(enrollment(repos).id()));
  }

  private <T> T state(Function<Repositories, T> read) {
    return new HibernateStudyStore(harness.database).inTransaction(read);
  }

  private static Learner learner(Repositories repos) {
    return repos.learners().byAccount(Platform.TELEGRAM, "100").orElseThrow();
  }

  private Enrollment enrollment(Repositories repos) {
    return repos.enrollments().find(learner(repos).owner(), curriculum.id()).orElseThrow();
  }

  private Placement placement(Repositories repos) {
    return repos.enrollments().placement(enrollment(repos).id()).orElseThrow();
  }
}
