package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.chat.Platform;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.OutboxBacklog;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.schedule.OutboxStore;
import io.studybot.core.schedule.SendScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The outbox in plain JDBC. */
public final class JdbcOutboxStore implements OutboxStore {
  private static final String CLAIM =
      "select id, learner_id, group_id, kind, local_date, "
          + JdbcColumns.CHAT_COLUMNS
          + ", attempts from outbox where status = 'PENDING' and not_before <= ? and (%s)"
          + " order by not_before, id limit ?";

  private final DataSource dataSource;
  private final SqlDialect dialect;

  public JdbcOutboxStore(Database database) {
    this.dataSource = database.dataSource();
    this.dialect = database.dialect();
  }

  @Override
  public List<OutboxEntry> claim(Instant now, Duration lease, int limit, SendScope scope) {
    return JdbcTransaction.run(
        dataSource,
        "outbox claim",
        connection -> {
          List<OutboxEntry> entries = select(connection, now, limit, scope);
          lease(connection, entries, now.plus(lease));
          return entries;
        });
  }

  private static void lease(Connection connection, List<OutboxEntry> entries, Instant until)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement("update outbox set not_before = ? where id = ?")) {
      for (OutboxEntry entry : entries) {
        update.setObject(1, utc(until));
        update.setLong(2, entry.id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private List<OutboxEntry> select(Connection connection, Instant now, int limit, SendScope scope)
      throws SQLException {
    List<OutboxEntry> entries = new ArrayList<>();
    String claim = dialect.claim(String.format(Locale.ROOT, CLAIM, scopeFilter(scope)));
    try (PreparedStatement select = connection.prepareStatement(claim)) {
      select.setObject(1, utc(now));
      select.setInt(2, limit);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          entries.add(
              new OutboxEntry(
                  result.getLong(1),
                  JdbcColumns.owner(result, 2),
                  DeliveryKind.valueOf(result.getString(4)),
                  result.getObject(5, LocalDate.class),
                  JdbcColumns.chat(result, 6),
                  result.getInt(11)));
        }
      }
    }
    return entries;
  }

  /**
   * The rows this instance sends: its platforms, and of a sharded platform the chats whose server
   * falls in its shards (Discord's rule: shard = (server id >> 22) % total; no server: shard 0).
   * Only enum names and integers go into the SQL.
   */
  static String scopeFilter(SendScope scope) {
    if (scope.platforms().isEmpty()) {
      return "1 = 0";
    }
    List<String> each = new ArrayList<>();
    for (Platform platform : scope.platforms()) {
      String one = "chat_platform = '" + platform.name() + "'";
      Optional<SendScope.Shards> shards = scope.shardsOf(platform);
      if (shards.isPresent()) {
        SendScope.Shards range = shards.get();
        String shard = "mod(cast(chat_server as bigint) / 4194304, " + range.total() + ")";
        String direct = range.holds(0) ? "chat_server is null or " : "";
        one +=
            " and (" + direct + shard + " between " + range.first() + " and " + range.last() + ")";
      }
      each.add("(" + one + ")");
    }
    return String.join(" or ", each);
  }

  @Override
  public void renew(List<Long> ids, Instant until) {
    if (ids.isEmpty()) {
      return;
    }
    JdbcTransaction.run(
        dataSource,
        "outbox lease renewal",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update outbox set not_before = ? where id = ? and status = 'PENDING'")) {
            for (Long id : ids) {
              update.setObject(1, utc(until));
              update.setLong(2, id);
              update.addBatch();
            }
            update.executeBatch();
          }
          return ids.size();
        });
  }

  @Override
  public void markSent(long id, Instant now) {
    update("update outbox set status = 'SENT', sent_at = ? where id = ?", utc(now), id);
  }

  @Override
  public void retryAt(long id, Instant notBefore, @Nullable String error, boolean countsAsAttempt) {
    update(
        "update outbox set not_before = ?, last_error = ?, attempts = attempts + ? where id = ?",
        utc(notBefore),
        truncate(error),
        countsAsAttempt ? 1 : 0,
        id);
  }

  @Override
  public void markFailed(long id, @Nullable String error) {
    update(
        "update outbox set status = 'FAILED', last_error = ?, attempts = attempts + 1 where id = ?",
        truncate(error),
        id);
  }

  /**
   * The pending rows of every instance and the oldest due one's due time, in one query over the
   * pending index: cheap enough for a gauge read every few seconds.
   */
  public OutboxBacklog backlog(Instant now) {
    return JdbcTransaction.run(
        dataSource,
        "outbox backlog",
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select count(*), min(case when not_before <= ? then not_before end)"
                      + " from outbox where status = 'PENDING'")) {
            select.setObject(1, utc(now));
            try (ResultSet result = select.executeQuery()) {
              result.next();
              OffsetDateTime oldest = result.getObject(2, OffsetDateTime.class);
              return new OutboxBacklog(
                  result.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
            }
          }
        });
  }

  @Override
  public int deleteSentBefore(Instant before) {
    return update("delete from outbox where status = 'SENT' and sent_at < ?", utc(before));
  }

  private int update(String sql, @Nullable Object... parameters) {
    return JdbcTransaction.update(dataSource, "outbox update", sql, parameters);
  }

  /** Removes a learner's queued deliveries, on the caller's connection: they name the chat. */
  static void deleteForLearner(Connection connection, long learnerId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from outbox where learner_id = ?")) {
      delete.setLong(1, learnerId);
      delete.executeUpdate();
    }
  }

  private static @Nullable String truncate(@Nullable String error) {
    return error == null || error.length() <= 500 ? error : error.substring(0, 500);
  }

  /**
   * Points a chat's queued deliveries at its new id (a group upgraded to a supergroup), on the
   * caller's connection; sent and failed rows keep the id they went to.
   */
  static void moveChat(Connection connection, String platform, String oldChatId, String newChatId)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update outbox set chat_id = ? where chat_platform = ? and chat_id = ?"
                + " and status = 'PENDING'")) {
      update.setString(1, newChatId);
      update.setString(2, platform);
      update.setString(3, oldChatId);
      update.executeUpdate();
    }
  }
}
