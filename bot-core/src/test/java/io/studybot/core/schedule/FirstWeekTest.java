package io.studybot.core.schedule;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A learner's first week over simulated days: lessons, quizzes, silence and absence. */
class FirstWeekTest {
  private static final Duration STEP = Duration.ofMinutes(10);
  private static final Pattern DAY = Pattern.compile("(?s)^📘 Day (\\d+) of.*");

  private final PlatformUser alice = user("100", "Alice", "en");
  private final PlatformUser bob = user("200", "Bob", "en");
  private final PlatformUser carol = user("300", "Carol", "en");
  private DeliveryHarness harness;

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aLessonReadWithTodayOrNextIsTheDaysLessonAndTheNextDayMovesOn() {
    harness = withSilenceLimit(Duration.ofDays(30));
    harness.bot.clock.set(Instant.parse("2026-05-04T06:00:00Z"));
    for (PlatformUser learner : List.of(alice, bob, carol)) {
      harness.bot.type(learner, "/settings zone UTC");
    }
    harness.bot.clock.set(Instant.parse("2026-05-04T07:00:00Z"));
    harness.bot.type(alice, "/today"); // Day 1 before its time
    harness.bot.type(carol, "/next"); // Day 2 before Day 1's time
    harness.runUntil(Instant.parse("2026-05-05T10:00:00Z"), STEP);

    assertThat(lessons(alice))
        .extracting(FakeChatGateway.Sent::at)
        .containsExactly(
            Instant.parse("2026-05-04T07:00:00Z"), Instant.parse("2026-05-05T09:00:00Z"));
    assertThat(days(alice)).containsExactly(1, 2); // no second Day 1 at 09:00
    assertThat(days(bob)).containsExactly(1, 2); // the timed lessons, one topic a day
    assertThat(days(carol)).containsExactly(2, 3);
  }

  @Test
  void afterASilenceTodayAndTheCatchUpDeliveryBringOneNewLessonThatDay() {
    harness = DeliveryHarness.onH2(); // silence after three days
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-12T12:00:00Z"), STEP);
    int before = days(alice).get(days(alice).size() - 1);

    harness.bot.type(alice, "/today"); // wakes the rows up: their catch-up is due at once
    int today =
        day(
            harness.bot.gateway.sentTo(privateChat(alice)).stream()
                .filter(sent -> sent.text().startsWith("📘 Day"))
                .reduce((first, second) -> second)
                .orElseThrow());
    harness.runUntil(Instant.parse("2026-05-12T23:00:00Z"), Duration.ofMinutes(1));

    assertThat(today).isBetween(before, before + 1);
    List<FakeChatGateway.Sent> onThatDay =
        lessons(alice).stream()
            .filter(sent -> !sent.at().isBefore(Instant.parse("2026-05-12T00:00:00Z")))
            .toList();
    assertThat(onThatDay).hasSize(1); // the /today one: the catch-up sends no lesson
    assertThat(quizIntros(alice)) // that day's quiz is on the lesson it had
        .last()
        .satisfies(quiz -> assertThat(quiz.text()).contains("Topic t" + today + "”"));
  }

  @Test
  void anIgnoredQuizIsClosedAtTheEndOfItsDayAndItsMissesComeBackForReview() {
    harness = DeliveryHarness.onH2();
    ChatRef chat = privateChat(alice);
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-04T21:00:00Z"), STEP);
    List<List<Button>> questions = harness.bot.questionButtons(chat);
    assertThat(questions).hasSize(3);
    harness.bot.press(alice, chat, questions.get(0).get(TestCurriculum.RIGHT).payload());

    harness.bot.clock.set(Instant.parse("2026-05-05T07:00:00Z")); // the next morning, no quiz yet
    harness.bot.type(alice, "/progress");
    assertThat(harness.bot.lastText(chat))
        .contains("Answers: 3, 33% right", "Reviews due today: 3");

    harness.bot.press(alice, chat, questions.get(1).get(TestCurriculum.RIGHT).payload());
    assertThat(harness.bot.lastText(chat)).contains("your first answer counts"); // the miss
    harness.bot.type(alice, "/progress");
    assertThat(harness.bot.lastText(chat)).contains("Answers: 3, 33% right");
  }

  @Test
  void theTimedLessonClosesYesterdaysQuizToo() {
    harness = DeliveryHarness.onH2();
    ChatRef chat = privateChat(alice);
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-05T10:00:00Z"), STEP); // no event from Alice

    harness.bot.press(
        alice, chat, harness.bot.questionButtons(chat).get(0).get(TestCurriculum.RIGHT).payload());
    assertThat(harness.bot.lastText(chat)).contains("your first answer counts"); // the miss
    harness.bot.type(alice, "/progress");
    assertThat(harness.bot.lastText(chat)).contains("Answers: 3, 0% right");
  }

  @Test
  void theSilenceNoticeComesInsteadOfTheFirstHeldBackQuizAndSaysWhatWaits() {
    harness = DeliveryHarness.onH2();
    ChatRef chat = privateChat(alice);
    harness.bot.clock.set(Instant.parse("2026-05-04T10:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC"); // last seen: silent from 05-07 10:00
    harness.runUntil(Instant.parse("2026-05-10T00:00:00Z"), STEP);

    List<FakeChatGateway.Sent> notices =
        harness.bot.gateway.sentTo(chat).stream()
            .filter(sent -> sent.text().contains("haven't heard from you"))
            .toList();
    assertThat(notices)
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.at())
                  .isBetween(
                      Instant.parse("2026-05-07T20:00:00Z"), Instant.parse("2026-05-07T20:10:00Z"));
              assertThat(notice.text()).contains("lesson and quiz are waiting", "/today", "/quiz");
            });
    assertThat(quizIntros(alice)).hasSize(3); // 05-04 to 05-06; 05-07's became the notice
    assertThat(
            harness.bot.gateway.sentTo(chat).stream()
                .filter(sent -> sent.at().isAfter(notices.get(0).at())))
        .isEmpty();

    harness.bot.type(alice, "/quiz");
    assertThat(quizIntros(alice)).hasSize(4);
  }

  @ParameterizedTest(name = "onboarding at {0}, zone {1}")
  @CsvSource({
    "2026-05-04T12:00:00Z, UTC",
    "2026-05-04T21:00:00Z, UTC",
    "2026-05-04T12:00:00Z, Asia/Shanghai",
    "2026-05-04T05:00:00Z, Europe/Berlin"
  })
  void twoLearnersWithTheSameChoicesHaveTheSameFirstDays(Instant start, String zone) {
    harness = withSilenceLimit(Duration.ofDays(30));
    PlatformUser english = user("100", "Alice", "en"); // default zone UTC
    PlatformUser chinese = user("200", "Alice", "zh"); // default zone Asia/Shanghai
    harness.bot.clock.set(start);
    for (PlatformUser learner : List.of(english, chinese)) {
      harness.bot.type(learner, "/start");
      harness.bot.press(learner, privateChat(learner), "lang:en");
      harness.bot.press(learner, privateChat(learner), "zone:" + zone);
      harness.bot.press(learner, privateChat(learner), "lt:09:00");
    }
    harness.runUntil(start.plus(Duration.ofDays(3)), STEP);

    List<String> first = transcriptAfterOnboarding(english);
    assertThat(first).isEqualTo(transcriptAfterOnboarding(chinese));
    assertThat(first.get(0)).startsWith(start + " ✅ All set");
    assertThat(first.get(1)).startsWith(start + " 📘 Day 1 of 10"); // the first lesson right away
    Instant quizTime = DueTimes.next(LocalTime.of(20, 0), ZoneId.of(zone), start, Optional.empty());
    assertThat(quizIntros(english)) // the first quiz at the next quiz time
        .first()
        .satisfies(quiz -> assertThat(quiz.at()).isBetween(quizTime, quizTime.plus(STEP)));
  }

  @Test
  void aLearnerWhoNeverAnswersWaitsOnTheTopicUntilTheyAnswerOrMoveOn() {
    harness = withSilenceLimit(Duration.ofDays(30));
    ChatRef chat = privateChat(alice);
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-08T00:00:00Z"), STEP);

    assertThat(days(alice)).containsExactly(1, 2, 2, 2); // two quizzes unanswered: t2 waits
    assertThat(waitingNotes(chat)).hasSize(2);
    assertThat(quizIntros(alice))
        .extracting(FakeChatGateway.Sent::text)
        .allSatisfy(text -> assertThat(questionCount(text)).isBetween(3, 8));

    harness.runUntil(Instant.parse("2026-05-08T21:00:00Z"), STEP);
    List<List<Button>> questions = harness.bot.questionButtons(chat);
    harness.bot.press(
        alice, chat, questions.get(questions.size() - 1).get(TestCurriculum.RIGHT).payload());
    harness.runUntil(Instant.parse("2026-05-10T10:00:00Z"), STEP);
    assertThat(days(alice)).containsExactly(1, 2, 2, 2, 2, 3, 4); // answering moves it on again

    harness.runUntil(Instant.parse("2026-05-12T10:00:00Z"), STEP);
    assertThat(days(alice)).endsWith(4, 4);
    harness.bot.type(alice, "/next");
    assertThat(harness.bot.lastText(chat)).startsWith("📘 Day 5 of 10");
    harness.runUntil(Instant.parse("2026-05-13T10:00:00Z"), STEP);
    assertThat(days(alice)).endsWith(4, 4, 5, 6);
  }

  private static DeliveryHarness withSilenceLimit(Duration limit) {
    return new DeliveryHarness(TestDatabases.h2(), TestCurriculum.create(10), limit);
  }

  private List<FakeChatGateway.Sent> lessons(PlatformUser learner) {
    return harness.bot.gateway.sentTo(privateChat(learner)).stream()
        .filter(sent -> sent.text().startsWith("📘 Day"))
        .toList();
  }

  private List<Integer> days(PlatformUser learner) {
    return lessons(learner).stream().map(FirstWeekTest::day).toList();
  }

  private static int day(FakeChatGateway.Sent lesson) {
    Matcher matcher = DAY.matcher(lesson.text());
    assertThat(matcher.matches()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private List<FakeChatGateway.Sent> quizIntros(PlatformUser learner) {
    return harness.bot.gateway.sentTo(privateChat(learner)).stream()
        .filter(sent -> sent.text().startsWith("📝 Quiz on"))
        .toList();
  }

  private List<FakeChatGateway.Sent> waitingNotes(ChatRef chat) {
    return harness.bot.gateway.sentTo(chat).stream()
        .filter(sent -> sent.text().contains("the course waits on this topic"))
        .toList();
  }

  private static int questionCount(String intro) {
    return Integer.parseInt(intro.replaceFirst("(?s).*: (\\d+) questions.*", "$1"));
  }

  private List<String> transcriptAfterOnboarding(PlatformUser learner) {
    List<String> lines =
        harness.bot.gateway.sentTo(privateChat(learner)).stream()
            .map(sent -> sent.at() + " " + sent.text())
            .toList();
    int done = 0;
    while (!lines.get(done).contains("All set")) {
      done++;
    }
    return lines.subList(done, lines.size());
  }
}
