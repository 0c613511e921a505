package io.studybot.core.schedule;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lessons and quizzes arrive on time, once a local day, whatever DST and settings do. */
class DailyDeliveryTest {
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef chat = privateChat(alice);
  private DeliveryHarness harness;

  @AfterEach
  void close() {
    harness.close();
  }

  @ParameterizedTest(name = "{0} {1} at {2}")
  @CsvSource({
    "Europe/Berlin, 2026-03-27, 02:30",
    "Europe/Berlin, 2026-10-23, 02:30",
    "America/New_York, 2026-03-06, 02:30",
    "America/New_York, 2026-10-30, 01:30",
    "Europe/Berlin, 2026-03-27, 09:00"
  })
  void exactlyOneLessonEachLocalDayAcrossDst(String zone, LocalDate start, String time) {
    harness =
        new DeliveryHarness(TestDatabases.h2(), TestCurriculum.create(10), Duration.ofDays(30));
    ZoneId zoneId = ZoneId.of(zone);
    harness.bot.clock.set(start.atStartOfDay(zoneId).toInstant());
    harness.bot.type(alice, "/settings zone " + zone);
    harness.bot.type(alice, "/settings lesson " + time);
    harness.bot.gateway.clear();

    harness.runUntil(start.plusDays(3).atStartOfDay(zoneId).toInstant(), Duration.ofMinutes(10));

    Map<LocalDate, List<Instant>> lessons = lessonTimesByLocalDay(zoneId);
    assertThat(lessons).containsOnlyKeys(start, start.plusDays(1), start.plusDays(2));
    lessons.forEach(
        (day, times) -> {
          assertThat(times).as(day.toString()).hasSize(1);
          Instant expected = DueTimes.at(day, java.time.LocalTime.parse(time), zoneId);
          assertThat(times.get(0))
              .as(day.toString())
              .isBetween(expected, expected.plus(Duration.ofMinutes(10)));
        });
    // The course moves on one topic a day, and waits after two quizzes left unanswered.
    assertThat(lessonDays()).containsExactly(1, 2, 2);
  }

  @Test
  void aZoneChangeMidDayDoesNotBringASecondLessonThatDay() {
    harness = DeliveryHarness.onH2();
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone Europe/Berlin");
    harness.runUntil(Instant.parse("2026-05-04T12:00:00Z"), Duration.ofMinutes(10));
    assertThat(lessonTimesByLocalDay(berlin)).containsOnlyKeys(LocalDate.of(2026, 5, 4));

    harness.bot.type(alice, "/settings zone America/New_York"); // 09:00 there is still ahead today
    harness.runUntil(Instant.parse("2026-05-06T00:00:00Z"), Duration.ofMinutes(10));

    List<Instant> all = lessonTimes();
    assertThat(all)
        .containsExactly(
            Instant.parse("2026-05-04T07:00:00Z"), Instant.parse("2026-05-05T13:00:00Z"));
  }

  @Test
  void aLessonTimeMovedToAnHourAlreadyPastBringsTodaysLessonOnce() {
    harness = DeliveryHarness.onH2();
    harness.bot.clock.set(Instant.parse("2026-05-04T06:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.bot.type(alice, "/settings lesson 05:00");
    harness.runUntil(Instant.parse("2026-05-04T12:00:00Z"), Duration.ofMinutes(10));
    harness.bot.type(alice, "/settings lesson 07:00"); // past, and today's lesson already came
    harness.runUntil(Instant.parse("2026-05-05T12:00:00Z"), Duration.ofMinutes(10));

    assertThat(lessonTimes())
        .containsExactly(
            Instant.parse("2026-05-04T06:00:00Z"), Instant.parse("2026-05-05T07:00:00Z"));
  }

  @Test
  void theQuizComesAtQuizTimeAndUnansweredQuestionsCountAsMissed() {
    harness = DeliveryHarness.onH2();
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-05T21:00:00Z"), Duration.ofMinutes(10));

    List<FakeChatGateway.Sent> intros =
        harness.bot.gateway.sentTo(chat).stream()
            .filter(sent -> sent.text().contains("Quiz on"))
            .toList();
    assertThat(intros)
        .extracting(FakeChatGateway.Sent::at)
        .containsExactly(
            Instant.parse("2026-05-04T20:00:00Z"), Instant.parse("2026-05-05T20:00:00Z"));
    assertThat(intros.get(1).text()).contains("Topic t2");
    harness.bot.type(alice, "/progress");
    assertThat(harness.bot.lastText(chat)).contains("Answers: 3, 0% right");
  }

  @Test
  void aSilentLearnerGetsOneNoticeThenNothingUntilTheyComeBack() {
    harness = DeliveryHarness.onH2();
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.runUntil(Instant.parse("2026-05-12T00:00:00Z"), Duration.ofMinutes(30));

    List<FakeChatGateway.Sent> sent = harness.bot.gateway.sentTo(chat);
    assertThat(sent.stream().filter(s -> s.text().contains("haven't heard from you"))).hasSize(1);
    Instant notice =
        sent.stream()
            .filter(s -> s.text().contains("haven't heard from you"))
            .findFirst()
            .orElseThrow()
            .at();
    assertThat(sent.stream().filter(s -> s.at().isAfter(notice))).isEmpty();
    assertThat(lessonTimes()).hasSize(3);

    harness.bot.type(alice, "hi");
    harness.runUntil(Instant.parse("2026-05-13T10:00:00Z"), Duration.ofMinutes(30));
    assertThat(lessonTimes())
        .hasSize(5)
        .endsWith(Instant.parse("2026-05-12T09:00:00Z"), Instant.parse("2026-05-13T09:00:00Z"));
  }

  @Test
  void pausedLearnersGetNothingAndKeepTheirStreakWhenTheyResume() {
    harness = DeliveryHarness.onH2();
    harness.bot.clock.set(Instant.parse("2026-05-04T08:00:00Z"));
    harness.bot.type(alice, "/quiz");
    for (List<Button> question : harness.bot.questionButtons(chat)) {
      harness.bot.press(alice, chat, question.get(TestCurriculum.RIGHT).payload());
    }
    harness.bot.type(alice, "/pause");
    harness.bot.gateway.clear();
    harness.runUntil(Instant.parse("2026-05-10T08:00:00Z"), Duration.ofMinutes(30));
    assertThat(harness.bot.gateway.sentTo(chat)).isEmpty();

    harness.bot.type(alice, "/resume");
    harness.bot.type(alice, "/progress");
    assertThat(harness.bot.lastText(chat)).contains("Streak: 1 day");
    harness.runUntil(Instant.parse("2026-05-11T10:00:00Z"), Duration.ofMinutes(30));
    assertThat(lessonTimes())
        .containsExactly(
            Instant.parse("2026-05-10T09:00:00Z"), Instant.parse("2026-05-11T09:00:00Z"));
  }

  @Test
  void aBlockedBotStopsDeliveriesForThatAccountAndATransientFailureIsRetried() {
    harness = DeliveryHarness.onH2();
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(alice, "/settings zone UTC");
    harness.bot.gateway.failNext(1);
    harness.runUntil(Instant.parse("2026-05-04T10:00:00Z"), Duration.ofMinutes(1));
    assertThat(lessonTimes())
        .hasSize(1)
        .allSatisfy(at -> assertThat(at).isAfter(Instant.parse("2026-05-04T09:00:00Z")));

    harness.bot.gateway.block(chat);
    harness.runUntil(Instant.parse("2026-05-08T00:00:00Z"), Duration.ofMinutes(30));
    assertThat(lessonTimes()).hasSize(1);
  }

  @Test
  void aSubscribedGroupGetsItsLessonAndQuizAndMembersAnswerForThemselves() {
    harness = DeliveryHarness.onH2();
    ChatRef study = group("-77");
    PlatformUser bob = user("200", "Bob", "en");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(bob, study, "/subscribe 07:00 19:00 UTC");
    assertThat(harness.bot.lastText(study)).contains("Only the group's admins");
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(alice, study, "/subscribe 07:00 19:00 UTC"))
            .asChatAdmin());
    assertThat(harness.bot.lastText(study)).contains("Subscribed", "07:00", "19:00");

    harness.runUntil(Instant.parse("2026-05-04T19:30:00Z"), Duration.ofMinutes(10));
    List<FakeChatGateway.Sent> posts = harness.bot.gateway.sentTo(study);
    assertThat(posts.stream().filter(p -> p.text().contains("📘 Day 1 of 10")))
        .singleElement()
        .satisfies(p -> assertThat(p.at()).isEqualTo(Instant.parse("2026-05-04T07:00:00Z")));
    List<List<Button>> questions = harness.bot.questionButtons(study);
    assertThat(questions).hasSize(3);
    for (List<Button> question : questions) {
      harness.bot.press(alice, study, question.get(TestCurriculum.RIGHT).payload());
      harness.bot.press(bob, study, question.get(TestCurriculum.WRONG).payload());
    }
    harness.bot.type(bob, study, "/progress");
    assertThat(harness.bot.lastText(study)).contains("1. Alice", "2. Bob");

    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(alice, study, "/unsubscribe")).asChatAdmin());
    harness.bot.gateway.clear();
    harness.runUntil(Instant.parse("2026-05-06T00:00:00Z"), Duration.ofMinutes(30));
    assertThat(harness.bot.gateway.sentTo(study)).isEmpty();
  }

  private List<Instant> lessonTimes() {
    return harness.bot.gateway.sentTo(chat).stream()
        .filter(sent -> sent.text().startsWith("📘 Day"))
        .map(FakeChatGateway.Sent::at)
        .toList();
  }

  private Map<LocalDate, List<Instant>> lessonTimesByLocalDay(ZoneId zone) {
    return lessonTimes().stream()
        .collect(
            Collectors.groupingBy(
                at -> at.atZone(zone).toLocalDate(), TreeMap::new, Collectors.toList()));
  }

  private List<Integer> lessonDays() {
    return harness.bot.gateway.sentTo(chat).stream()
        .filter(sent -> sent.text().startsWith("📘 Day"))
        .map(sent -> Integer.parseInt(sent.text().replaceFirst("(?s)^📘 Day (\\d+) of.*", "$1")))
        .toList();
  }

  @Test
  void aGroupsTimedQuizRepostsTheQuizAMemberOpenedEarlierThatDay() {
    harness = DeliveryHarness.onH2();
    ChatRef study = group("-78");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(alice, study, "/subscribe 07:00 19:00 UTC"))
            .asChatAdmin());
    harness.runUntil(Instant.parse("2026-05-04T12:00:00Z"), Duration.ofMinutes(10));
    harness.bot.type(alice, study, "/quiz");
    assertThat(harness.bot.questionButtons(study)).hasSize(3);
    harness.bot.press(
        alice,
        study,
        harness.bot.questionButtons(study).get(0).get(TestCurriculum.RIGHT).payload());
    harness.bot.gateway.clear();

    harness.runUntil(Instant.parse("2026-05-04T19:30:00Z"), Duration.ofMinutes(10));

    List<FakeChatGateway.Sent> posts = harness.bot.gateway.sentTo(study);
    assertThat(posts)
        .extracting(FakeChatGateway.Sent::text)
        .anyMatch(t -> t.contains("still open"));
    assertThat(harness.bot.questionButtons(study)).hasSize(3); // the whole group's quiz again
    assertThat(failedDeliveries()).isZero();
  }

  private long failedDeliveries() {
    try (var connection = harness.bot.database.dataSource().getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery("select count(*) from outbox where status <> 'SENT'")) {
      result.next();
      return result.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
