package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.JdbcDispatchStore;
import io.studybot.core.persistence.JdbcOutboxStore;
import io.studybot.core.persistence.ScheduleSeeder;
import io.studybot.core.testing.MutableClock;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL: every due learner is queued and sent exactly once. */
class PostgresTwoInstanceDispatchTest {
  private static final int LEARNERS = 10_000;
  private static final Instant NOW = Instant.parse("2026-05-04T09:00:30Z");

  private DatabaseSettings settings;
  private Database first;
  private Database second;

  @BeforeEach
  void open() {
    settings = TestDatabases.postgres();
    first = Database.open(settings);
    second = Database.open(settings);
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
    TestDatabases.dropPostgres(settings);
  }

  @Test
  void twoSchedulersDeliverEachOfTenThousandLearnersOnce() throws Exception {
    ScheduleSeeder.seedDueLearners(first, LEARNERS, NOW.minusSeconds(30));
    MutableClock clock = new MutableClock(NOW);
    Dispatcher one = new Dispatcher(new JdbcDispatchStore(first), clock, Duration.ofDays(3));
    Dispatcher two = new Dispatcher(new JdbcDispatchStore(second), clock, Duration.ofDays(3));

    List<Integer> handled = runTogether(one::tick, two::tick);
    assertThat(handled.get(0) + handled.get(1)).isEqualTo(LEARNERS);
    assertThat(handled).allSatisfy(count -> assertThat(count).isPositive());

    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    OutboxSender senderOne =
        new OutboxSender(new JdbcOutboxStore(first), lessons(), counting(received), clock, d -> {});
    OutboxSender senderTwo =
        new OutboxSender(
            new JdbcOutboxStore(second), lessons(), counting(received), clock, d -> {});
    List<Integer> sent = runTogether(senderOne::drain, senderTwo::drain);

    assertThat(sent.get(0) + sent.get(1)).isEqualTo(LEARNERS);
    assertThat(received).hasSize(LEARNERS);
    assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  @Test
  void twoSendersWithDisjointDiscordShardsEachSendTheirOwnServersOnce() throws Exception {
    List<String> dms = ShardedOutbox.fill(first, NOW, 200, 20);
    Map<String, String> sentBy = new ConcurrentHashMap<>();
    OutboxSender low = ShardedOutbox.sender(first, 0, 1, sentBy, "low");
    OutboxSender high = ShardedOutbox.sender(second, 2, 3, sentBy, "high");

    List<Integer> sent = runTogether(low::drain, high::drain);

    assertThat(sent.get(0) + sent.get(1)).isEqualTo(220);
    assertThat(sentBy).hasSize(220);
    sentBy.forEach(
        (chat, sender) ->
            assertThat(sender)
                .as(chat)
                .isEqualTo(dms.contains(chat) || ShardedOutbox.shardOf(chat) < 2 ? "low" : "high"));
  }

  private static List<Integer> runTogether(Callable<Integer> a, Callable<Integer> b)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = pool.submit(a);
      Future<Integer> second = pool.submit(b);
      return List.of(first.get(), second.get());
    } finally {
      pool.shutdown();
    }
  }

  /** A gateway that counts what each chat got. */
  private static ChatGateways counting(Map<String, AtomicInteger> received) {
    return ChatGateways.of(
        new ChatGateway() {
          @Override
          public Platform platform() {
            return Platform.TELEGRAM;
          }

          @Override
          public String send(ChatRef chat, OutgoingMessage message) {
            received.computeIfAbsent(chat.id(), id -> new AtomicInteger()).incrementAndGet();
            return "";
          }
        });
  }

  /** A bot stand-in that prepares one message per entry. */
  private static DeliveryPreparer lessons() {
    return new DeliveryPreparer() {
      @Override
      public List<Reply> prepare(OutboxEntry entry) {
        return List.of(
            new Reply(entry.chat(), OutgoingMessage.text("lesson " + entry.localDate())));
      }

      @Override
      public void stopDeliveries(OutboxEntry entry) {}

      @Override
      public void chatMoved(OutboxEntry entry, String newChatId) {}
    };
  }
}
