package io.studybot.core.schedule;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.QuartzJobStore;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import io.studybot.core.testing.TestScopes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timed delivery on PostgreSQL: DST, a restart mid-send, and the clustered Quartz jobs. */
class PostgresDailyDeliveryTest {
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef chat = privateChat(alice);
  private DatabaseSettings settings;
  private DeliveryHarness harness;

  @BeforeEach
  void open() {
    settings = TestDatabases.postgres();
    harness = new DeliveryHarness(settings, TestCurriculum.create(10), Duration.ofDays(30));
  }

  @AfterEach
  void close() {
    harness.close();
    TestDatabases.dropPostgres(settings);
  }

  @Test
  void oneLessonEachDayAcrossNewYorksSpringForwardAndARestartMidSend() throws Exception {
    harness.bot.clock.set(Instant.parse("2026-03-07T05:00:00Z"));
    harness.bot.type(alice, "/settings zone America/New_York");
    harness.bot.type(alice, "/settings lesson 02:30");
    harness.runUntil(Instant.parse("2026-03-08T06:00:00Z"), Duration.ofMinutes(10));
    harness.outbox.claim(
        harness.bot.clock.instant().plus(Duration.ofHours(1)),
        OutboxSender.LEASE,
        10,
        TestScopes.ALL);
    harness.runUntil(Instant.parse("2026-03-10T05:00:00Z"), Duration.ofMinutes(10));

    List<Instant> lessons =
        harness.bot.gateway.sentTo(chat).stream()
            .filter(sent -> sent.text().startsWith("📘 Day"))
            .map(FakeChatGateway.Sent::at)
            .toList();
    assertThat(lessons)
        .containsExactly(
            Instant.parse("2026-03-07T07:30:00Z"),
            Instant.parse(
                "2026-03-08T07:00:00Z"), // 02:30 does not exist; 03:00 EDT is the first valid
            // instant
            Instant.parse("2026-03-09T06:30:00Z"));
  }

  @Test
  void theDeliveryJobsRunOnTheClusteredJobStore() throws Exception {
    try (DeliveryJobs first =
            DeliveryJobs.start(
                harness.dispatcher,
                harness.outbox,
                harness.bot.clock,
                QuartzJobStore.of(harness.bot.database));
        DeliveryJobs second =
            DeliveryJobs.start(
                harness.dispatcher,
                harness.outbox,
                harness.bot.clock,
                QuartzJobStore.of(harness.bot.database))) {
      List<String> jobs = new ArrayList<>();
      try (Connection connection = harness.bot.database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery("select job_name from qrtz_job_details order by job_name")) {
        while (result.next()) {
          jobs.add(result.getString(1));
        }
      }
      assertThat(jobs).containsExactly("cleanup", "dispatch");
    }
  }
}
