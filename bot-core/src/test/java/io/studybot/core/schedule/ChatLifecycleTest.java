package io.studybot.core.schedule;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chats that move, go away and come back, as the platforms report them apart from messages. */
class ChatLifecycleTest {
  private final DeliveryHarness harness = DeliveryHarness.onH2();
  private final PlatformUser alice = user("100", "Alice", "en");
  private final PlatformUser bob = user("200", "Bob", "en");

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void anUpgradedGroupTakesItsCourseQuizzesQueueAndLeaderboardToTheNewIdOnce() {
    ChatRef old = group("-77");
    ChatRef upgraded = group("-10077");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    subscribe(alice, old);
    harness.runUntil(Instant.parse("2026-05-04T19:30:00Z"), Duration.ofMinutes(10));
    List<List<Button>> questions = harness.bot.questionButtons(old);
    assertThat(questions).hasSize(3);
    harness.bot.press(alice, old, questions.get(0).get(TestCurriculum.RIGHT).payload());
    harness.bot.clock.set(Instant.parse("2026-05-05T07:00:00Z"));
    harness.dispatcher.tick(); // tomorrow's lesson queued, not sent yet

    harness.bot.bot.chatMoved(old, upgraded.id());

    for (String table : List.of("study_group", "delivery_schedule", "quiz")) {
      assertThat(rows(table, old)).as(table + " at the old id").isZero();
    }
    assertThat(rows("study_group", upgraded)).isEqualTo(1);
    assertThat(rows("delivery_schedule", upgraded)).isEqualTo(3);
    assertThat(rows("quiz", upgraded)).isEqualTo(1);
    assertThat(count("select count(*) from outbox where status = 'PENDING' and chat_id = '-77'"))
        .isZero();
    assertThat(count("select count(*) from outbox where status = 'PENDING' and chat_id = '-10077'"))
        .isEqualTo(1);

    // The old quiz's buttons work at the new id until the quiz closes; the queued lesson goes
    // there too (and closes yesterday's quiz first).
    harness.bot.press(bob, upgraded, questions.get(1).get(TestCurriculum.WRONG).payload());
    assertThat(harness.bot.lastText(upgraded)).contains("Not quite");
    harness.bot.gateway.clear();
    harness.round();
    assertThat(harness.bot.gateway.sentTo(upgraded))
        .anySatisfy(sent -> assertThat(sent.text()).contains("📘 Day 2 of 10"));
    assertThat(harness.bot.gateway.sentTo(old)).isEmpty();
    harness.bot.type(bob, upgraded, "/progress");
    assertThat(harness.bot.lastText(upgraded)).contains("Leaderboard: 2 members", "Alice", "Bob");

    // Both service messages signal the move; the second finds nothing left to move.
    harness.bot.bot.chatMoved(old, upgraded.id());
    assertThat(rows("study_group", upgraded)).isEqualTo(1);
    assertThat(rows("delivery_schedule", upgraded)).isEqualTo(3);
    assertThat(rows("quiz", upgraded)).isEqualTo(1);
  }

  @Test
  void aGroupStartedAtTheNewIdWithoutProgressGivesWayToTheMovingOne() {
    ChatRef old = group("-78");
    ChatRef upgraded = group("-10078");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    subscribe(alice, old);
    harness.bot.type(bob, upgraded, "/today"); // someone wrote in the supergroup first
    assertThat(rows("study_group", upgraded)).isEqualTo(1);

    harness.bot.bot.chatMoved(old, upgraded.id());

    assertThat(rows("study_group", old)).isZero();
    assertThat(rows("study_group", upgraded)).isEqualTo(1);
    assertThat(count("select count(*) from study_group where chat_id = '-10078' and subscribed"))
        .as("the moving group, subscribed, took the new id")
        .isEqualTo(1);
    harness.bot.gateway.clear();
    harness.runUntil(Instant.parse("2026-05-04T07:30:00Z"), Duration.ofMinutes(10));
    assertThat(harness.bot.gateway.sentTo(upgraded))
        .anySatisfy(sent -> assertThat(sent.text()).contains("📘 Day 1 of 10"));
  }

  @Test
  void aGroupWithProgressAtTheNewIdIsNotMergedAndBothAreKept() {
    ChatRef old = group("-79");
    ChatRef upgraded = group("-10079");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    subscribe(alice, old);
    harness.bot.type(bob, upgraded, "/quiz");
    assertThat(harness.bot.questionButtons(upgraded)).isNotEmpty();

    harness.bot.bot.chatMoved(old, upgraded.id());

    assertThat(rows("study_group", old)).isEqualTo(1);
    assertThat(rows("study_group", upgraded)).isEqualTo(1);
    assertThat(rows("delivery_schedule", old)).isEqualTo(3);
  }

  @Test
  void aGroupSubscribedInAForumTopicGetsItsLessonsInThatTopic() {
    ChatRef forum = group("-10080");
    ChatRef topic = forum.inTopic("7");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    subscribe(alice, topic);

    harness.runUntil(Instant.parse("2026-05-04T07:30:00Z"), Duration.ofMinutes(10));

    List<FakeChatGateway.Sent> lessons =
        harness.bot.gateway.all().stream()
            .filter(sent -> sent.text().contains("📘 Day 1 of 10"))
            .toList();
    assertThat(lessons)
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.chat().sameChat(forum)).isTrue();
              assertThat(sent.chat().topic()).isEqualTo("7");
            });
  }

  @Test
  void aRemovedGroupIsToldOnceHowToComeBackAndSubscribesAgain() {
    ChatRef study = group("-81");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    subscribe(alice, study);

    harness.bot.bot.chatGone(study);
    harness.bot.gateway.clear();
    harness.runUntil(Instant.parse("2026-05-05T00:00:00Z"), Duration.ofMinutes(30));
    assertThat(harness.bot.gateway.sentTo(study)).as("nothing while removed").isEmpty();

    // Re-added: the first command says how to subscribe again, the next ones do not.
    harness.bot.type(bob, study, "/help");
    assertThat(texts(study)).filteredOn(text -> text.contains("I was removed")).hasSize(1);
    harness.bot.type(bob, study, "/help");
    assertThat(texts(study)).filteredOn(text -> text.contains("I was removed")).hasSize(1);

    subscribe(alice, study);
    assertThat(harness.bot.lastText(study)).contains("Subscribed");
    harness.bot.gateway.clear();
    harness.runUntil(Instant.parse("2026-05-05T07:30:00Z"), Duration.ofMinutes(10));
    assertThat(harness.bot.gateway.sentTo(study))
        .anySatisfy(sent -> assertThat(sent.text()).contains("📘 Day"));
  }

  @Test
  void aGroupStoredWithoutItsServerLearnsItAtItsNextSubscribe() {
    ChatRef channel = new ChatRef(Platform.DISCORD, "555", ChatKind.GROUP);
    PlatformUser admin = new PlatformUser(Platform.DISCORD, "9", "Dee", java.util.Optional.empty());
    subscribe(admin, channel); // as groups stored before servers were kept
    assertThat(count("select count(*) from delivery_schedule where chat_server is null"))
        .isEqualTo(3);

    subscribe(admin, channel.onServer("81384788765712384"));

    assertThat(count("select count(*) from study_group where chat_server = '81384788765712384'"))
        .isEqualTo(1);
    assertThat(
            count("select count(*) from delivery_schedule where chat_server = '81384788765712384'"))
        .isEqualTo(3);
  }

  private void subscribe(PlatformUser admin, ChatRef chat) {
    harness.bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(admin, chat, "/subscribe 07:00 19:00 UTC"))
            .asChatAdmin());
  }

  private List<String> texts(ChatRef chat) {
    return harness.bot.gateway.sentTo(chat).stream().map(FakeChatGateway.Sent::text).toList();
  }

  private long rows(String table, ChatRef chat) {
    return count("select count(*) from " + table + " where chat_id = '" + chat.id() + "'");
  }

  private long count(String sql) {
    try (Connection connection = harness.bot.database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }
}
