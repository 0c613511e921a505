package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.DeliveryHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin stats} and {@code /admin broadcast} on a real database: the figures, who a
 * broadcast is queued for (once each), and its sending through the outbox.
 */
abstract class AdminBroadcastContract {
  private final PlatformUser root = user("1", "Root", "en");
  private final PlatformUser bob = user("2", "Bob", "en");
  private final PlatformUser carol = user("3", "Carol", "en");
  private final PlatformUser dave = user("4", "Dave", "en");
  private final PlatformUser erin = user("5", "Erin", "en");
  private final PlatformUser frank = user("6", "Frank", "en");
  private final ChatRef rootChat = privateChat(root);
  private final ChatRef study = group("-100");
  private final ChatRef chatter = group("-200");

  private DatabaseSettings settings;
  private DeliveryHarness harness;
  private BotHarness bot;

  protected abstract DatabaseSettings createDatabase();

  protected void dropDatabase(DatabaseSettings settings) {}

  @BeforeEach
  void open() {
    settings = createDatabase();
    bot =
        new BotHarness(
            settings,
            LiveCurriculum.fixed(TestCurriculum.create(5)),
            Admins.parse("telegram:" + root.externalId()));
    harness = new DeliveryHarness(bot, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    harness.close();
    dropDatabase(settings);
  }

  /**
   * Root and Bob get deliveries; Carol paused, Dave's chat went away (dormant), Erin did /forget,
   * Frank only ever wrote in a group. One group subscribed, one not.
   */
  private void populate() {
    for (PlatformUser each : List.of(root, bob, carol, dave, erin)) {
      bot.type(each, "/start");
    }
    bot.type(carol, "/pause");
    bot.bot.chatGone(privateChat(dave));
    bot.type(erin, "/forget");
    bot.pressLabel(erin, privateChat(erin), "Delete everything");
    bot.receive(
        ((IncomingEvent.Command) IncomingEvent.parse(root, study, "/subscribe")).asChatAdmin());
    bot.type(frank, chatter, "/today");
    bot.gateway.clear();
  }

  @Test
  void statsCountLearnersGroupsTodaysDeliveriesAndTheQueue() throws Exception {
    populate();
    bot.clock.set(Instant.parse("2026-03-03T10:00:00Z")); // a day and two hours on
    bot.type(bob, "/today"); // Bob is the only one seen in the last 24 hours, with root below
    insertOutbox("SENT", Instant.parse("2026-03-02T23:00:00Z"), "y1"); // yesterday (UTC)
    insertOutbox("SENT", Instant.parse("2026-03-03T00:10:00Z"), "t1");
    insertOutbox("SENT", Instant.parse("2026-03-03T00:20:00Z"), "t2");
    insertOutbox("FAILED", Instant.parse("2026-03-03T00:05:00Z"), "f1");
    insertOutbox("FAILED", Instant.parse("2026-03-02T12:00:00Z"), "f0");
    insertOutbox("PENDING", Instant.parse("2026-03-02T12:00:00Z"), "p1");

    bot.type(root, "/admin stats");

    assertThat(bot.lastText(rootChat))
        .isEqualTo(
            "📊 StudyBot now\n"
                + "Learners: 5, active in the last 24 hours: 2\n"
                + "Groups: 1 subscribed of 2\n"
                + "Deliveries today (UTC): 2 sent, 1 failed\n"
                + "Queue: 1 waiting to be sent");
  }

  @Test
  void aBroadcastIsQueuedOnceForEachLearnerWhoGetsDeliveriesAndEachSubscribedGroup()
      throws Exception {
    populate();

    bot.type(root, "/admin broadcast Exams   start on Monday");
    bot.type(root, "/admin broadcast Second note");

    assertThat(bot.lastText(rootChat)).contains("Broadcast queued for 3 chats");
    List<String> keys = broadcastKeys();
    long rootId = learnerId(root);
    long bobId = learnerId(bob);
    long groupId = groupId(study);
    assertThat(keys)
        .containsExactlyInAnyOrder(
            "L" + rootId + ":BROADCAST:1",
            "L" + bobId + ":BROADCAST:1",
            "G" + groupId + ":BROADCAST:1",
            "L" + rootId + ":BROADCAST:2",
            "L" + bobId + ":BROADCAST:2",
            "G" + groupId + ":BROADCAST:2");
  }

  @Test
  void theSenderDeliversTheTextInEachChatsLanguageAndStopsAtAGoneChat() throws Exception {
    populate();
    PlatformUser lin = user("7", "Lin", "zh");
    bot.type(lin, "/start");
    bot.gateway.block(privateChat(bob));
    bot.type(root, "/admin broadcast Exams start on Monday");
    bot.gateway.clear();

    harness.sender.drain();

    String english = "📣 A message from the StudyBot team\n\nExams start on Monday";
    assertThat(texts(rootChat)).containsExactly(english);
    assertThat(texts(study)).containsExactly(english);
    assertThat(texts(privateChat(lin)))
        .containsExactly("📣 来自 StudyBot 团队的消息\n\nExams start on Monday");
    for (PlatformUser skipped : List.of(bob, carol, dave, erin, frank)) {
      assertThat(bot.gateway.sentTo(privateChat(skipped))).as(skipped.displayName()).isEmpty();
    }
    assertThat(bot.gateway.sentTo(chatter)).isEmpty();
    assertThat(statusCount("FAILED")).isEqualTo(1);
    assertThat(statusCount("PENDING")).isZero();

    // Bob's chat is gone: he is treated like any silent learner, so the next broadcast skips him.
    bot.type(root, "/admin broadcast Again");
    assertThat(bot.lastText(rootChat)).contains("Broadcast queued for 3 chats"); // root, Lin, group
  }

  /** One statement queues them all; a row per owner would take minutes at 100,000 learners. */
  @Test
  void aBroadcastToThousandsOfLearnersIsQueuedAtOnce() throws Exception {
    bot.type(root, "/start");
    ScheduleSeeder.seedDueLearners(bot.database, 5_000, bot.clock.instant());

    bot.type(root, "/admin broadcast Maintenance tonight");

    assertThat(bot.lastText(rootChat)).contains("Broadcast queued for 5001 chats");
    assertThat(statusCount("PENDING")).isEqualTo(5_001);
  }

  private List<String> texts(ChatRef chat) {
    return bot.gateway.sentTo(chat).stream().map(FakeChatGateway.Sent::text).toList();
  }

  private void insertOutbox(String status, Instant at, String key) throws SQLException {
    try (Connection connection = bot.database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into outbox (idempotency_key, learner_id, kind, local_date, chat_platform,"
                    + " chat_id, chat_kind, status, attempts, not_before, created_at, sent_at)"
                    + " values (?, 1, 'LESSON', ?, 'TELEGRAM', '1', 'PRIVATE', ?, 0, ?, ?, ?)")) {
      insert.setString(1, key);
      insert.setObject(2, at.atOffset(ZoneOffset.UTC).toLocalDate());
      insert.setString(3, status);
      insert.setObject(4, at.atOffset(ZoneOffset.UTC));
      insert.setObject(5, at.atOffset(ZoneOffset.UTC));
      insert.setObject(6, status.equals("SENT") ? at.atOffset(ZoneOffset.UTC) : null);
      insert.executeUpdate();
    }
  }

  /** The keys of queued broadcasts, with each broadcast's id replaced by its order (1, 2…). */
  private List<String> broadcastKeys() throws SQLException {
    List<Long> broadcasts = longs("select id from broadcast order by id");
    List<String> keys = new ArrayList<>();
    try (Connection connection = bot.database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select idempotency_key, broadcast_id from outbox where kind = 'BROADCAST'");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String key = rows.getString(1);
        long broadcast = rows.getLong(2);
        assertThat(key).endsWith(":BROADCAST:" + broadcast);
        int order = broadcasts.indexOf(broadcast) + 1;
        keys.add(key.substring(0, key.lastIndexOf(':') + 1) + order);
      }
    }
    return keys;
  }

  private long learnerId(PlatformUser user) throws SQLException {
    return longs(
            "select learner_id from platform_account where external_id = '"
                + user.externalId()
                + "'")
        .get(0);
  }

  private long groupId(ChatRef chat) throws SQLException {
    return longs("select id from study_group where chat_id = '" + chat.id() + "'").get(0);
  }

  private long statusCount(String status) throws SQLException {
    return longs(
            "select count(*) from outbox where kind = 'BROADCAST' and status = '" + status + "'")
        .get(0);
  }

  private List<Long> longs(String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (Connection connection = bot.database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getLong(1));
      }
    }
    return values;
  }
}
