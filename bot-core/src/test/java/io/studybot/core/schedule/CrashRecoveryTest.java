package io.studybot.core.schedule;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.TestScopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A restart between claiming and sending neither loses nor doubles a delivery. */
class CrashRecoveryTest {
  private final DeliveryHarness harness = DeliveryHarness.onH2();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aDeliveryClaimedByAnInstanceThatDiedGoesOutOnceAfterItsLease() throws Exception {
    List<PlatformUser> learners =
        List.of(user("1", "A", "en"), user("2", "B", "en"), user("3", "C", "zh"));
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    for (PlatformUser learner : learners) {
      harness.bot.type(learner, "/settings zone UTC");
    }
    harness.bot.gateway.clear();
    harness.bot.clock.set(Instant.parse("2026-05-04T09:00:00Z"));
    assertThat(harness.dispatcher.tick()).isEqualTo(3);
    assertThat(harness.dispatcher.tick()).as("a second tick finds nothing due").isZero();

    // An instance claims the lessons and dies before sending any of them.
    assertThat(
            harness.outbox.claim(
                harness.bot.clock.instant(), OutboxSender.LEASE, 10, TestScopes.ALL))
        .hasSize(3);
    assertThat(harness.sender.drain()).as("leased entries are not taken over early").isZero();

    harness.bot.clock.advance(OutboxSender.LEASE.plusSeconds(1));
    assertThat(harness.sender.drain()).isEqualTo(3);
    assertThat(harness.sender.drain()).isZero();
    harness.runUntil(Instant.parse("2026-05-04T12:00:00Z"), Duration.ofMinutes(5));

    for (PlatformUser learner : learners) {
      assertThat(
              harness.bot.gateway.sentTo(privateChat(learner)).stream()
                  .filter(sent -> sent.text().startsWith("📘")))
          .hasSize(1);
    }
  }

  @Test
  void forgettingALearnerRemovesTheirQueuedDeliveries() {
    PlatformUser learner = user("9", "Zoe", "en");
    harness.bot.clock.set(Instant.parse("2026-05-04T00:00:00Z"));
    harness.bot.type(learner, "/settings zone UTC");
    harness.bot.clock.set(Instant.parse("2026-05-04T09:00:00Z"));
    assertThat(harness.dispatcher.tick()).isEqualTo(1);

    harness.bot.type(learner, "/forget");
    harness.bot.pressLabel(learner, privateChat(learner), "Delete everything");

    assertThat(
            harness.outbox.claim(
                harness.bot.clock.instant(), OutboxSender.LEASE, 10, TestScopes.ALL))
        .isEmpty();
  }
}
