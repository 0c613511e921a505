package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.state.OperatorRepository;
import io.studybot.core.state.OperatorStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hibernate.Session;

/** The operators' figures and broadcasts in plain JDBC, on the session's connection. */
final class JdbcOperatorRepository implements OperatorRepository {
  private static final Duration ACTIVE_WINDOW = Duration.ofHours(24);

  private static final String STATS =
      "select (select count(*) from learner),"
          + " (select count(*) from learner where last_seen_at >= ?),"
          + " (select count(*) from study_group where subscribed = true),"
          + " (select count(*) from study_group),"
          + " (select count(*) from outbox where status = 'SENT' and sent_at >= ?),"
          + " (select count(*) from outbox where status = 'FAILED' and created_at >= ?),"
          + " (select count(*) from outbox where status = 'PENDING')";

  /**
   * One statement queues the whole broadcast, however many owners: an active lesson row is exactly
   * a learner who receives deliveries (not paused, not dormant, with a private chat) or a
   * subscribed group, and it names the chat the daily lesson goes to.
   */
  private static final String QUEUE =
      "insert into outbox (idempotency_key, learner_id, group_id, kind, local_date, "
          + JdbcColumns.CHAT_COLUMNS
          + ", status, attempts, not_before, created_at, broadcast_id)"
          + " select concat(case when learner_id is null"
          + " then concat('G', cast(group_id as varchar(20)))"
          + " else concat('L', cast(learner_id as varchar(20))) end,"
          + " ':BROADCAST:', cast(? as varchar(20))),"
          + " learner_id, group_id, 'BROADCAST', ?, "
          + JdbcColumns.CHAT_COLUMNS
          + ", 'PENDING', 0, ?, ?, ?"
          + " from delivery_schedule where kind = 'LESSON' and active = true";

  private final Session session;

  JdbcOperatorRepository(Session session) {
    this.session = session;
  }

  @Override
  public OperatorStats stats(Instant now) {
    session.flush();
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(STATS)) {
            select.setObject(1, utc(now.minus(ACTIVE_WINDOW)));
            select.setObject(2, utc(midnight));
            select.setObject(3, utc(midnight));
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return new OperatorStats(
                  row.getLong(1),
                  row.getLong(2),
                  row.getLong(3),
                  row.getLong(4),
                  row.getLong(5),
                  row.getLong(6),
                  row.getLong(7));
            }
          }
        });
  }

  @Override
  public int queueBroadcast(String text, Instant now) {
    session.flush();
    return session.doReturningWork(
        connection -> {
          long broadcast = insertBroadcast(connection, text, now);
          try (PreparedStatement insert = connection.prepareStatement(QUEUE)) {
            insert.setString(1, String.valueOf(broadcast));
            insert.setObject(2, now.atOffset(ZoneOffset.UTC).toLocalDate());
            insert.setObject(3, utc(now));
            insert.setObject(4, utc(now));
            insert.setLong(5, broadcast);
            return insert.executeUpdate();
          }
        });
  }

  private static long insertBroadcast(Connection connection, String text, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into broadcast (text, created_at) values (?, ?)", new String[] {"id"})) {
      insert.setString(1, text);
      insert.setObject(2, utc(now));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public Optional<String> broadcastText(long outboxId) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select b.text from outbox o join broadcast b on b.id = o.broadcast_id"
                      + " where o.id = ?")) {
            select.setLong(1, outboxId);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
          }
        });
  }
}
