package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.schedule.DispatchDecision;
import io.studybot.core.schedule.DispatchStore;
import io.studybot.core.schedule.DueDelivery;
import io.studybot.core.study.StudyOwner;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The dispatch store in plain JDBC: one claim query, one batched insert and one batched update per
 * batch, so queuing costs little more than writing the outbox rows themselves.
 */
public final class JdbcDispatchStore implements DispatchStore {
  private static final String CLAIM =
      "select "
          + ScheduleRows.COLUMNS
          + " from delivery_schedule where active = true and next_due <= ? order by next_due limit ?";
  private static final String OUTBOX_COLUMNS =
      "idempotency_key, learner_id, group_id, kind, local_date, "
          + JdbcColumns.CHAT_COLUMNS
          + ", status, attempts, not_before, created_at";
  private static final String OUTBOX_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?";
  private static final String OUTBOX_KEY = "idempotency_key";
  private final DataSource dataSource;
  private final SqlDialect dialect;

  public JdbcDispatchStore(Database database) {
    this.dataSource = database.dataSource();
    this.dialect = database.dialect();
  }

  @Override
  public int dispatchBatch(
      Instant now, int limit, Function<List<DueDelivery>, List<DispatchDecision>> decide) {
    return JdbcTransaction.run(
        dataSource,
        "dispatch batch",
        connection -> {
          List<DueDelivery> due = claim(connection, now, limit);
          if (!due.isEmpty()) {
            List<DispatchDecision> decisions = decide.apply(due);
            queue(connection, decisions, now);
            ScheduleRows.advance(connection, dialect, decisions);
          }
          return due.size();
        });
  }

  private List<DueDelivery> claim(Connection connection, Instant now, int limit)
      throws SQLException {
    List<DeliverySchedule> rows;
    try (PreparedStatement select = connection.prepareStatement(dialect.claim(CLAIM))) {
      select.setObject(1, utc(now));
      select.setInt(2, limit);
      rows = ScheduleRows.read(select);
    }
    Map<Long, Instant> lastSeen = lastSeen(connection, rows);
    return rows.stream().map(row -> due(row, lastSeen)).toList();
  }

  private static DueDelivery due(DeliverySchedule row, Map<Long, Instant> lastSeen) {
    StudyOwner owner = row.owner();
    return new DueDelivery(
        row.id().orElseThrow(),
        owner,
        row.kind(),
        row.zone(),
        row.localTime(),
        row.chat(),
        row.nextDue(),
        row.lastLocalDate(),
        Optional.ofNullable(owner.isLearner() ? lastSeen.get(owner.id()) : null));
  }

  private static Map<Long, Instant> lastSeen(Connection connection, List<DeliverySchedule> rows)
      throws SQLException {
    Long[] learners =
        rows.stream()
            .map(DeliverySchedule::owner)
            .filter(StudyOwner::isLearner)
            .map(StudyOwner::id)
            .distinct()
            .toArray(Long[]::new);
    Map<Long, Instant> seen = new HashMap<>();
    if (learners.length == 0) {
      return seen;
    }
    Array ids = connection.createArrayOf("bigint", learners);
    try (PreparedStatement select =
        connection.prepareStatement("select id, last_seen_at from learner where id = any (?)")) {
      select.setArray(1, ids);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          OffsetDateTime at = result.getObject(2, OffsetDateTime.class);
          if (at != null) {
            seen.put(result.getLong(1), at.toInstant());
          }
        }
      }
    }
    return seen;
  }

  private void queue(Connection connection, List<DispatchDecision> decisions, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            dialect.insertIfAbsent("outbox", OUTBOX_COLUMNS, OUTBOX_VALUES, OUTBOX_KEY))) {
      int pending = 0;
      for (DispatchDecision decision : decisions) {
        if (decision.queued().isEmpty()) {
          continue;
        }
        DispatchDecision.Queued queued = decision.queued().get();
        DueDelivery due = decision.due();
        insert.setString(1, queued.idempotencyKey());
        JdbcColumns.setOwner(insert, 2, due.owner());
        insert.setString(4, queued.kind().name());
        insert.setObject(5, queued.localDate());
        JdbcColumns.setChat(insert, 6, due.chat());
        insert.setObject(11, utc(now));
        insert.setObject(12, utc(now));
        if (!dialect.isPostgres()) {
          insert.setString(13, queued.idempotencyKey());
        }
        insert.addBatch();
        pending++;
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }
}
