package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A missed question comes back: folded into a later quiz, and through /review. */
class ReviewConversationTest {
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef chat = privateChat(alice);
  private BotHarness harness = BotHarness.onH2();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aMissedQuestionComesBackInTheNextQuiz() {
    answerAlphaQuizWithFirstWrong();
    harness.clock.advance(Duration.ofMinutes(5));
    harness.type(alice, "/next");
    harness.gateway.clear();
    harness.type(alice, "/quiz");

    assertThat(harness.gateway.sentTo(chat).get(0).text())
        .contains("Quiz on “Topic beta”: 4 questions");
    List<FakeChatGateway.Sent> questions = questionMessages();
    assertThat(questions).hasSize(4);
    assertThat(questions.get(3).text())
        .contains("Question 4 of 4", "Review from “Topic alpha”", "Question q1 on alpha?");
    assertThat(questions.subList(0, 3))
        .allSatisfy(q -> assertThat(q.text()).doesNotContain("Review from"));
  }

  @Test
  void reviewGivesDueCardsAtAnyTimeAndAnsweringThemReschedules() {
    harness.type(alice, "/review");
    assertThat(harness.lastText(chat)).contains("Nothing to review right now");

    answerAlphaQuizWithFirstWrong();
    harness.clock.advance(Duration.ofMinutes(2));
    harness.gateway.clear();
    harness.type(alice, "/review");
    assertThat(harness.gateway.sentTo(chat).get(0).text()).contains("Review: 1 question");
    List<List<Button>> due = harness.questionButtons(chat);
    assertThat(due).hasSize(1);
    assertThat(harness.gateway.sentTo(chat).get(1).text()).contains("Question q1 on alpha?");

    harness.press(alice, chat, due.get(0).get(TestCurriculum.RIGHT).payload());
    assertThat(harness.lastText(chat)).contains("Quiz done: 1 of 1 right");
    harness.type(alice, "/review");
    assertThat(harness.lastText(chat)).contains("Nothing to review right now");
    harness.type(alice, "/progress");
    assertThat(harness.lastText(chat))
        .contains("Topics done: 1 of 3", "Reviews due today: 3; estimated retention");
  }

  @Test
  void reviewsInDailyQuizzesStayWithinTheDailyAllowanceAndTheRestRollsOver() {
    harness.close();
    harness =
        new BotHarness(
            TestDatabases.h2(), TestCurriculum.create(), StudyRules.DEFAULT.withReviewsPerDay(1));
    harness.type(alice, "/quiz");
    for (List<Button> question : harness.questionButtons(chat)) {
      harness.press(alice, chat, question.get(TestCurriculum.WRONG).payload());
    }
    harness.clock.advance(Duration.ofMinutes(15));
    harness.type(alice, "/next");
    harness.gateway.clear();
    harness.type(alice, "/quiz");
    assertThat(reviewCount()).isEqualTo(1);

    harness.type(alice, "/next");
    harness.gateway.clear();
    harness.type(alice, "/quiz");
    assertThat(reviewCount()).as("the day's allowance is used up").isZero();

    harness.clock.advance(Duration.ofDays(1));
    harness.gateway.clear();
    harness.type(alice, "/skip");
    harness.gateway.clear();
    harness.type(alice, "/quiz");
    assertThat(harness.lastText(chat)).contains("finished the whole course");
  }

  @Test
  void progressShowsNoReviewsBeforeAnyAnswer() {
    harness.type(alice, "/progress");
    assertThat(harness.lastText(chat)).contains("Reviews: none yet");
  }

  private long reviewCount() {
    return questionMessages().stream().filter(q -> q.text().contains("Review from")).count();
  }

  private void answerAlphaQuizWithFirstWrong() {
    harness.type(alice, "/quiz");
    List<List<Button>> questions = harness.questionButtons(chat);
    harness.press(alice, chat, questions.get(0).get(TestCurriculum.WRONG).payload());
    harness.press(alice, chat, questions.get(1).get(TestCurriculum.RIGHT).payload());
    harness.press(alice, chat, questions.get(2).get(TestCurriculum.RIGHT).payload());
  }

  private List<FakeChatGateway.Sent> questionMessages() {
    return harness.gateway.sentTo(chat).stream()
        .filter(
            sent -> !sent.buttons().isEmpty() && sent.buttons().get(0).payload().startsWith("a:"))
        .toList();
  }
}
