package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A subscribed group's Monday digest, over a simulated week, and who may hide from it. */
class GroupDigestTest {
  private final DeliveryHarness harness = DeliveryHarness.onH2();
  private final ChatRef study = group("-50");
  private final PlatformUser alice = user("1", "Alice", "en");
  private final PlatformUser bob = user("2", "Bob", "en");
  private final PlatformUser carol = user("3", "Carol", "en");

  @AfterEach
  void close() {
    harness.close();
  }

  private void subscribe(Instant at) {
    harness.bot.clock.set(at);
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(alice, study, "/subscribe 07:00 19:00 UTC"))
            .asChatAdmin());
  }

  @Test
  void onMondayTheGroupGetsItsWeekWithoutTheMembersWhoHide() {
    harness.bot.type(carol, "/privacy on");
    assertThat(harness.bot.lastText(BotHarnessChats.privateOf(carol))).contains("hidden");
    subscribe(Instant.parse("2026-05-05T00:00:00Z")); // a Tuesday
    for (int day = 0; day < 6; day++) {
      Instant quizTime = Instant.parse("2026-05-05T19:05:00Z").plus(Duration.ofDays(day));
      harness.runUntil(quizTime, Duration.ofMinutes(15));
      List<List<Button>> today = lastQuiz();
      for (int i = 0; i < today.size(); i++) {
        harness.bot.press(alice, study, today.get(i).get(TestCurriculum.RIGHT).payload());
        harness.bot.press(carol, study, today.get(i).get(TestCurriculum.RIGHT).payload());
        int bobs = i == 0 ? TestCurriculum.WRONG : TestCurriculum.RIGHT;
        harness.bot.press(bob, study, today.get(i).get(bobs).payload());
      }
    }
    harness.bot.gateway.clear();

    harness.runUntil(Instant.parse("2026-05-11T07:30:00Z"), Duration.ofMinutes(15));

    List<FakeChatGateway.Sent> digests =
        harness.bot.gateway.sentTo(study).stream()
            .filter(sent -> sent.text().contains("This group's week"))
            .toList();
    assertThat(digests).hasSize(1);
    String digest = digests.get(0).text();
    assertThat(digest)
        .contains(
            "2026-05-04 to 2026-05-10",
            "Most active",
            "Alice: 18 answered, 100% right",
            "Bob: 18 answered, 67% right",
            "Topics covered: Topic t1, Topic t2, Topic t3, Topic t4, Topic t5, Topic t6",
            "The hardest question (67% right)",
            "Answer: right",
            "Because B is right.")
        .doesNotContain("Carol");
    harness.bot.type(bob, study, "/progress");
    assertThat(harness.bot.lastText(study)).contains("Alice", "Bob").doesNotContain("Carol");
  }

  @Test
  void aWeekWithoutQuizzesSendsNoDigest() {
    subscribe(Instant.parse("2026-05-10T20:00:00Z")); // a Sunday evening, after quiz time
    harness.bot.gateway.clear();

    harness.runUntil(Instant.parse("2026-05-11T07:30:00Z"), Duration.ofMinutes(15));

    assertThat(harness.bot.gateway.sentTo(study))
        .extracting(FakeChatGateway.Sent::text)
        .noneMatch(text -> text.contains("week"))
        .anyMatch(text -> text.contains("Day 1 of 10"));
  }

  @Test
  void aLearnerWhoHidesCanAppearAgain() {
    harness.bot.type(carol, "/privacy");
    ChatRef carols = BotHarnessChats.privateOf(carol);
    assertThat(harness.bot.lastText(carols)).contains("You are shown");
    harness.bot.pressLabel(carol, carols, "Hide me");
    assertThat(harness.bot.lastText(carols)).contains("now hidden");
    harness.bot.type(carol, "/privacy off");
    assertThat(harness.bot.lastText(carols)).contains("appear in group leaderboards");
    harness.bot.type(carol, "/privacy maybe");
    assertThat(harness.bot.lastText(carols)).contains("Nothing was changed");
  }

  private List<List<Button>> lastQuiz() {
    List<List<Button>> all = harness.bot.questionButtons(study);
    return all.subList(all.size() - 3, all.size());
  }

  /** Private chats of the test's people. */
  private static final class BotHarnessChats {
    static ChatRef privateOf(PlatformUser user) {
      return io.studybot.core.testing.BotHarness.privateChat(user);
    }
  }
}
