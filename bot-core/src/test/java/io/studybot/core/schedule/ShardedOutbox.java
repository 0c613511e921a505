package io.studybot.core.schedule;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.JdbcOutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Discord deliveries queued for servers on four shards, and senders that each run some of them. */
final class ShardedOutbox {
  static final int SHARDS = 4;
  private static final int SHARD_SHIFT = 22;

  private ShardedOutbox() {}

  /**
   * Queues one delivery to a channel on each of {@code servers} servers (server i on shard i % 4)
   * and {@code directs} direct messages; returns the direct messages' chat ids.
   */
  static List<String> fill(Database database, Instant due, int servers, int directs)
      throws SQLException {
    List<String> dms = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into outbox (idempotency_key, learner_id, group_id, kind, local_date,"
                    + " chat_platform, chat_id, chat_kind, chat_topic, chat_server, status,"
                    + " attempts, not_before, created_at) values (?, ?, ?, 'QUIZ', ?, 'DISCORD', ?,"
                    + " ?, null, ?, 'PENDING', 0, ?, ?)")) {
      for (int i = 0; i < servers + directs; i++) {
        boolean direct = i >= servers;
        String chat = direct ? "dm-" + i : "channel-" + i;
        insert.setString(1, "k" + i);
        insert.setLong(direct ? 2 : 3, i);
        insert.setNull(direct ? 3 : 2, Types.BIGINT);
        insert.setObject(4, LocalDate.of(2026, 5, 4));
        insert.setString(5, chat);
        insert.setString(6, direct ? "PRIVATE" : "GROUP");
        if (direct) {
          insert.setNull(7, Types.VARCHAR);
        } else {
          insert.setString(7, String.valueOf(serverOn(i)));
        }
        insert.setObject(8, due.atOffset(ZoneOffset.UTC));
        insert.setObject(9, due.atOffset(ZoneOffset.UTC));
        insert.addBatch();
        if (direct) {
          dms.add(chat);
        }
      }
      insert.executeBatch();
    }
    return dms;
  }

  /** A snowflake-shaped server id on shard {@code i % 4}, as Discord's timestamp bits place it. */
  private static long serverOn(int i) {
    return ((1_000L * SHARDS + i) << SHARD_SHIFT) + 4_242;
  }

  /** The shard of a {@code channel-i} chat queued by {@link #fill}. */
  static int shardOf(String chat) {
    int i = Integer.parseInt(chat.substring("channel-".length()));
    return (int) ((serverOn(i) >> SHARD_SHIFT) % SHARDS);
  }

  /** A sender for shards {@code first..last} that notes who sent each chat's message. */
  static OutboxSender sender(
      Database database, int first, int last, Map<String, String> sentBy, String name) {
    ChatGateway gateway =
        new ChatGateway() {
          @Override
          public Platform platform() {
            return Platform.DISCORD;
          }

          @Override
          public String send(ChatRef chat, OutgoingMessage message) {
            if (sentBy.putIfAbsent(chat.id(), name) != null) {
              throw new AssertionError(chat.id() + " was sent twice");
            }
            return "";
          }
        };
    SendScope scope =
        SendScope.of(EnumSet.of(Platform.DISCORD))
            .withShards(Platform.DISCORD, new SendScope.Shards(first, last, SHARDS));
    DeliveryPreparer preparer =
        new DeliveryPreparer() {
          @Override
          public List<Reply> prepare(OutboxEntry entry) {
            return List.of(new Reply(entry.chat(), OutgoingMessage.text("quiz")));
          }

          @Override
          public void stopDeliveries(OutboxEntry entry) {}

          @Override
          public void chatMoved(OutboxEntry entry, String newChatId) {}
        };
    return OutboxSender.concurrent(
        new JdbcOutboxStore(database),
        preparer,
        ChatGateways.of(gateway),
        Clock.systemUTC(),
        scope,
        Runnable::run,
        1);
  }
}
