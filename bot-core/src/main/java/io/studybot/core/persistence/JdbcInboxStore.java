package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.chat.Platform;
import io.studybot.core.inbox.InboxStore;
import io.studybot.core.inbox.InboxUpdate;
import io.studybot.core.inbox.StoredUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The inbox in plain JDBC. */
public final class JdbcInboxStore implements InboxStore {
  private static final String OPEN = "status in ('NEW', 'HANDLED')";

  private final Database database;
  private final DataSource dataSource;
  private final SqlDialect dialect;

  public JdbcInboxStore(Database database) {
    this.database = database;
    this.dataSource = database.dataSource();
    this.dialect = database.dialect();
  }

  @Override
  public int add(List<InboxUpdate> updates, Instant now) {
    String insert =
        dialect.insertIfAbsent(
            "inbox",
            "platform, update_id, lane, payload, status, attempts, received_at",
            "?, ?, ?, ?, 'NEW', 0, ?",
            "platform",
            "update_id");
    try {
      return insert(updates, now, insert);
    } catch (RuntimeException e) {
      database.failed(e);
      throw e;
    }
  }

  private int insert(List<InboxUpdate> updates, Instant now, String insert) {
    return JdbcTransaction.run(
        dataSource,
        "inbox insert",
        connection -> {
          int added = 0;
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (InboxUpdate update : updates) {
              statement.setString(1, update.platform().name());
              statement.setString(2, update.updateId());
              statement.setString(3, update.lane());
              statement.setString(4, update.payload());
              statement.setObject(5, utc(now));
              if (!dialect.isPostgres()) {
                statement.setString(6, update.platform().name());
                statement.setString(7, update.updateId());
              }
              added += statement.executeUpdate();
            }
          }
          return added;
        });
  }

  @Override
  public List<StoredUpdate> claim(Set<Platform> platforms, Instant now, Duration lease, int limit) {
    if (platforms.isEmpty() || limit <= 0) {
      return List.of();
    }
    String select = dialect.claim(claimSql(platforms));
    return JdbcTransaction.run(
        dataSource,
        "inbox claim",
        connection -> {
          List<StoredUpdate> claimed = select(connection, select, now, limit);
          lease(connection, claimed, now.plus(lease));
          return claimed;
        });
  }

  /** The oldest open update of each lane not leased; only enum names go into the platform list. */
  private static String claimSql(Set<Platform> platforms) {
    String platformList =
        platforms.stream()
            .map(p -> "'" + p.name() + "'")
            .sorted()
            .collect(Collectors.joining(", "));
    return "select i.id, i.platform, i.update_id, i.lane, i.payload, i.replies, i.attempts"
        + (" from inbox i where i." + OPEN + " and i.platform in (" + platformList + ")")
        + " and (i.lease_until is null or i.lease_until <= ?)"
        + " and not exists (select 1 from inbox e where e.platform = i.platform"
        + (" and e.lane = i.lane and e." + OPEN + " and e.id < i.id)")
        + " order by i.id limit ?";
  }

  private static List<StoredUpdate> select(
      Connection connection, String select, Instant now, int limit) throws SQLException {
    List<StoredUpdate> claimed = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      statement.setObject(1, utc(now));
      statement.setInt(2, limit);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          InboxUpdate update =
              new InboxUpdate(
                  Platform.valueOf(row.getString(2)),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5));
          String replies = row.getString(6);
          claimed.add(
              new StoredUpdate(
                  row.getLong(1),
                  update,
                  row.getInt(7),
                  Optional.ofNullable(replies).map(ReplyCodec::read)));
        }
      }
    }
    return claimed;
  }

  private static void lease(Connection connection, List<StoredUpdate> claimed, Instant until)
      throws SQLException {
    if (claimed.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update inbox set lease_until = ?, attempts = attempts + 1 where id = ?")) {
      for (StoredUpdate one : claimed) {
        update.setObject(1, utc(until));
        update.setLong(2, one.id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  @Override
  public void renew(List<Long> ids, Instant until) {
    if (ids.isEmpty()) {
      return;
    }
    JdbcTransaction.run(
        dataSource,
        "inbox lease renewal",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update inbox set lease_until = ? where id = ? and " + OPEN)) {
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
  public void done(long id, Instant now) {
    update(
        "update inbox set status = 'DONE', replies = null, payload = '', lease_until = null,"
            + " done_at = ? where id = ?",
        utc(now),
        id);
  }

  @Override
  public void retryAt(long id, Instant at) {
    update("update inbox set lease_until = ? where id = ? and " + OPEN, utc(at), id);
  }

  @Override
  public int purgeDoneBefore(Instant before) {
    return update("delete from inbox where status = 'DONE' and done_at < ?", utc(before));
  }

  @Override
  public long depth() {
    return JdbcTransaction.run(
        dataSource,
        "inbox depth",
        connection -> {
          try (PreparedStatement count =
                  connection.prepareStatement("select count(*) from inbox where " + OPEN);
              ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
          }
        });
  }

  private int update(String sql, @Nullable Object... parameters) {
    return JdbcTransaction.update(dataSource, "inbox update", sql, parameters);
  }

  /**
   * Marks an update handled with its turn's replies, on the turn's own connection. An update some
   * other instance handled meanwhile (its lease ran out) fails the turn, which then changes
   * nothing.
   */
  static void handled(Connection connection, long rowId, String replies) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update inbox set status = 'HANDLED', replies = ? where id = ? and status = 'NEW'")) {
      update.setString(1, replies);
      update.setLong(2, rowId);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("inbox update " + rowId + " was handled already");
      }
    }
  }
}
