package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.RichText;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestScopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A group quiz's answers and explanations are posted once, when the quiz closes: at the group's
 * next timed lesson or quiz on a later day, or when a new quiz replaces it. Simulated days, on the
 * harness's clock.
 */
class GroupQuizAnswersTest {
  private static final String ANSWERS = "Answers to the quiz on";
  private static final Instant DAY_1 = Instant.parse("2026-05-04T00:00:00Z");

  private final DeliveryHarness harness = DeliveryHarness.onH2();
  private final ChatRef study = group("-60");
  private final PlatformUser alice = user("1", "Alice", "en");
  private final PlatformUser bob = user("2", "Bob", "en");

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theNextDaysLessonPostsTheAnswersOnceWithTheLettersTheQuizShowed() {
    harness.bot.type(bob, "/help"); // Bob has a private chat with the bot, Alice has none
    subscribe();
    harness.runUntil(DAY_1.plus(Duration.ofHours(19).plusMinutes(30)), Duration.ofMinutes(10));
    List<FakeChatGateway.Sent> shown = quizMessages();
    assertThat(shown).hasSize(3);
    List<List<Button>> buttons = harness.bot.questionButtons(study);

    press(alice, buttons.get(0), TestCurriculum.RIGHT);
    assertThat(harness.bot.lastText(study))
        .contains("✅ Right", "Because B is right.")
        .endsWith("📌 Answers and explanations follow when the quiz closes.");
    press(bob, buttons.get(0), TestCurriculum.WRONG);
    assertThat(harness.bot.gateway.lastTo(study))
        .satisfies(
            verdict -> {
              assertThat(verdict.message().visibility())
                  .isEqualTo(OutgoingMessage.Visibility.PERSONAL);
              assertThat(verdict.text())
                  .contains("❌ Not quite")
                  .endsWith("💬 The full explanation is in our private chat.");
            });
    assertThat(harness.bot.lastText(privateChat(bob)))
        .contains("❌ Not quite", "Because B is right.")
        .doesNotContain("private chat", "quiz closes");
    press(alice, buttons.get(1), TestCurriculum.RIGHT);
    harness.bot.gateway.clear();

    harness.runUntil(DAY_1.plus(Duration.ofHours(31).plusMinutes(10)), Duration.ofMinutes(10));

    List<String> posts = texts(harness.bot.gateway.sentTo(study));
    assertThat(posts).filteredOn(text -> text.contains(ANSWERS)).hasSize(1);
    assertThat(posts.get(0)).startsWith("📋 " + ANSWERS + " “Topic t1”");
    assertThat(posts.get(1)).startsWith("📘 Day 2 of 10");
    String answers = posts.get(0);
    assertThat(answers).contains("2 members answered.");
    assertThat(block(answers, 1))
        .contains("Question q1 on t1?", "✅ " + rightLetter(shown.get(0)) + ". right")
        .contains("Because B is right.", "👥 1 of 2 right");
    assertThat(block(answers, 2))
        .contains("Question q2 on t1?", "✅ " + rightLetter(shown.get(1)) + ". right")
        .contains("👥 1 of 1 right");
    assertThat(block(answers, 3))
        .contains("Question q3 on t1?", "✅ " + rightLetter(shown.get(2)) + ". right")
        .contains("👥 Nobody answered this one.");

    press(bob, buttons.get(2), TestCurriculum.RIGHT);
    assertThat(harness.bot.lastText(study)).contains("This quiz is closed");

    // Day 2's quiz is left unanswered: day 3's lesson closes it without a word.
    harness.runUntil(DAY_1.plus(Duration.ofHours(56)), Duration.ofMinutes(10));
    assertThat(texts(harness.bot.gateway.sentTo(study)))
        .filteredOn(text -> text.contains(ANSWERS))
        .hasSize(1);
    assertThat(texts(harness.bot.gateway.sentTo(study)))
        .anyMatch(text -> text.startsWith("📘 Day 3 of 10"));
    press(alice, harness.bot.questionButtons(study).get(0), TestCurriculum.RIGHT); // day 2's
    assertThat(harness.bot.lastText(study)).contains("This quiz is closed");
  }

  @Test
  void aLessonDeliveredAgainAfterACrashDoesNotPostTheAnswersAgain() throws Exception {
    subscribe();
    harness.runUntil(DAY_1.plus(Duration.ofHours(19).plusMinutes(30)), Duration.ofMinutes(10));
    List<List<Button>> buttons = harness.bot.questionButtons(study);
    press(alice, buttons.get(0), TestCurriculum.RIGHT);
    press(bob, buttons.get(0), TestCurriculum.WRONG);
    harness.bot.gateway.clear();
    harness.bot.clock.set(DAY_1.plus(Duration.ofHours(31)));
    harness.dispatcher.tick();

    // An instance prepares day 2's lesson, sends it, and dies before marking it sent.
    Duration lease = Duration.ofMinutes(2);
    List<OutboxEntry> claimed =
        harness.outbox.claim(harness.bot.clock.instant(), lease, 10, TestScopes.ALL);
    assertThat(claimed).hasSize(1);
    for (Reply reply : harness.bot.bot.prepare(claimed.get(0))) {
      harness.bot.gateway.send(reply.chat(), reply.message());
    }
    harness.bot.clock.advance(lease.plusSeconds(1));
    assertThat(harness.sender.drain()).isEqualTo(1);

    List<String> posts = texts(harness.bot.gateway.sentTo(study));
    assertThat(posts).filteredOn(text -> text.startsWith("📘 Day 2 of 10")).hasSize(2);
    assertThat(posts)
        .filteredOn(text -> text.contains(ANSWERS))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("2 members answered.", "👥 1 of 2 right"));
  }

  @Test
  void aQuizReplacedBySkipPostsItsAnswersFirstAndNotAgainNextDay() {
    subscribe();
    harness.runUntil(DAY_1.plus(Duration.ofHours(8)), Duration.ofMinutes(10));
    harness.bot.type(alice, study, "/quiz");
    press(bob, harness.bot.questionButtons(study).get(0), TestCurriculum.WRONG);
    harness.bot.gateway.clear();

    asAdmin("/skip");

    List<String> posts = texts(harness.bot.gateway.sentTo(study));
    assertThat(posts.get(0)).contains(ANSWERS + " “Topic t1”", "1 member answered.");
    assertThat(posts.get(1)).startsWith("⏭ Skipped “Topic t1”");
    harness.runUntil(DAY_1.plus(Duration.ofHours(32)), Duration.ofMinutes(10));
    assertThat(texts(harness.bot.gateway.sentTo(study)))
        .filteredOn(text -> text.contains(ANSWERS))
        .hasSize(1);
  }

  @Test
  void aQuizOnANewTopicReplacesTheOpenOneAndPostsItsAnswers() {
    subscribe();
    harness.runUntil(DAY_1.plus(Duration.ofHours(8)), Duration.ofMinutes(10));
    harness.bot.type(alice, study, "/quiz");
    press(alice, harness.bot.questionButtons(study).get(0), TestCurriculum.RIGHT);
    harness.bot.type(bob, study, "/quiz"); // the same topic: the open quiz again, no answers
    assertThat(texts(harness.bot.gateway.sentTo(study))).noneMatch(t -> t.contains(ANSWERS));
    asAdmin("/next");
    harness.bot.gateway.clear();

    harness.bot.type(bob, study, "/quiz");

    List<String> posts = texts(harness.bot.gateway.sentTo(study));
    assertThat(posts.get(0)).contains(ANSWERS + " “Topic t1”", "👥 1 of 1 right");
    assertThat(posts.get(1)).startsWith("📝 Quiz on “Topic t2”");
  }

  @Test
  void aChineseGroupGetsItsAnswersInChinese() {
    PlatformUser wang = user("3", "Wang", "zh");
    harness.bot.clock.set(DAY_1);
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(wang, study, "/quiz")).asChatAdmin());
    press(wang, harness.bot.questionButtons(study).get(0), TestCurriculum.RIGHT);
    assertThat(harness.bot.lastText(study)).endsWith("📌 小测结束时公布答案和解析。");
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(wang, study, "/skip")).asChatAdmin());

    assertThat(texts(harness.bot.gateway.sentTo(study)))
        .filteredOn(text -> text.startsWith("📋"))
        .singleElement()
        .satisfies(
            text ->
                assertThat(text)
                    .contains("📋 “主题 t1”小测答案", "1 位成员作答。", "因为 B 对。", "👥 1 人作答，1 人答对"));
  }

  @Test
  void aVerdictTooLongForAPopupGetsNoPointer() {
    RichText shortVerdict = RichText.builder().text("✅ Right").build();
    RichText longVerdict = RichText.builder().text("x".repeat(QuestionView.POPUP_LENGTH)).build();

    assertThat(QuestionView.endingWith(shortVerdict, "see later").plainText())
        .isEqualTo("✅ Right\n\nsee later");
    assertThat(QuestionView.endingWith(longVerdict, "see later")).isEqualTo(longVerdict);
  }

  @Test
  void aLongPromptIsShortenedAtASpace() {
    String prompt = "word ".repeat(40).trim();
    String shortened = QuizAnswersView.shortened(prompt);
    assertThat(shortened).endsWith("word…").hasSizeLessThanOrEqualTo(QuizAnswersView.PROMPT_LENGTH);
    assertThat(QuizAnswersView.shortened("Short?")).isEqualTo("Short?");
  }

  private void subscribe() {
    harness.bot.clock.set(DAY_1);
    asAdmin("/subscribe 07:00 19:00 UTC");
    assertThat(harness.bot.lastText(study)).contains("Subscribed");
  }

  private void asAdmin(String line) {
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(alice, study, line)).asChatAdmin());
  }

  private void press(PlatformUser member, List<Button> question, int choice) {
    harness.bot.press(member, study, question.get(choice).payload());
  }

  /** The quiz questions as posted in the group, with their buttons in the order shown. */
  private List<FakeChatGateway.Sent> quizMessages() {
    return harness.bot.gateway.sentTo(study).stream()
        .filter(sent -> !sent.buttons().isEmpty())
        .filter(sent -> sent.buttons().get(0).payload().startsWith("a:"))
        .toList();
  }

  /** The letter the question showed its right choice under: its place among the buttons. */
  private static String rightLetter(FakeChatGateway.Sent question) {
    List<String> labels = question.buttons().stream().map(Button::label).toList();
    return String.valueOf("ABCDE".charAt(labels.indexOf("right")));
  }

  /** The part of the answers message about question {@code number}. */
  private static String block(String answers, int number) {
    int start = answers.indexOf("\n" + number + ". ");
    int end = answers.indexOf("\n" + (number + 1) + ". ");
    return answers.substring(start, end < 0 ? answers.length() : end);
  }

  private static List<String> texts(List<FakeChatGateway.Sent> sent) {
    return sent.stream().map(FakeChatGateway.Sent::text).toList();
  }
}
