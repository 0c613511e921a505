package io.studybot.core.persistence;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DispatchDecision;
import io.studybot.core.schedule.DispatchStore;
import io.studybot.core.schedule.DueDelivery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The dispatch store in plain JDBC: one claim query, one batched insert and one batched update per
 * batch, so queuing costs little more than writing the outbox rows themselves.
 */
public final class JdbcDispatchStore implements DispatchStore {
  private static final String CLAIM =
      "select id, learner_id, group_id, kind, zone, local_time, chat_platform, chat_id, chat_kind,"
          + " next_due, last_local_date from delivery_schedule"
          + " where active = true and next_due <= ? order by next_due limit ?";
  private static final String OUTBOX_COLUMNS =
      "idempotency_key, learner_id, group_id, kind, local_date, chat_platform, chat_id, chat_kind,"
          + " status, attempts, not_before, created_at";
  private static final String OUTBOX_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?";
  private static final String ADVANCE =
      "update delivery_schedule set next_due = ?, last_local_date = ?, active = ? where id = ?";

  private static final String ADVANCE_ALL =
      "update delivery_schedule s set next_due = v.next_due, last_local_date = v.last_local_date,"
          + " active = v.active from unnest(?, ?, ?, ?) as v(id, next_due, last_local_date, active)"
          + " where s.id = v.id";

  private final DataSource dataSource;
  private final SqlDialect dialect;

  public JdbcDispatchStore(Database database) {
    this.dataSource = database.dataSource();
    this.dialect = SqlDialect.of(database.settings());
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
            advance(connection, decisions);
          }
          return due.size();
        });
  }

  private List<DueDelivery> claim(Connection connection, Instant now, int limit)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(dialect.claim(CLAIM))) {
      select.setObject(1, utc(now));
      select.setInt(2, limit);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(Row.read(result));
        }
      }
    }
    Map<Long, Instant> lastSeen = lastSeen(connection, rows);
    return rows.stream().map(row -> row.toDue(lastSeen)).toList();
  }

  private static Map<Long, Instant> lastSeen(Connection connection, List<Row> rows)
      throws SQLException {
    Long[] learners =
        rows.stream().map(Row::learnerId).filter(id -> id != null).distinct().toArray(Long[]::new);
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
        connection.prepareStatement(dialect.insertOutbox(OUTBOX_COLUMNS, OUTBOX_VALUES))) {
      int pending = 0;
      for (DispatchDecision decision : decisions) {
        if (decision.queued().isEmpty()) {
          continue;
        }
        DispatchDecision.Queued queued = decision.queued().get();
        DueDelivery due = decision.due();
        insert.setString(1, queued.idempotencyKey());
        JdbcTransaction.setNullableLong(insert, 2, due.learnerId());
        JdbcTransaction.setNullableLong(insert, 3, due.groupId());
        insert.setString(4, queued.kind().name());
        insert.setObject(5, queued.localDate());
        insert.setString(6, due.chat().platform().name());
        insert.setString(7, due.chat().id());
        insert.setString(8, due.chat().kind().name());
        insert.setObject(9, utc(now));
        insert.setObject(10, utc(now));
        if (dialect == SqlDialect.H2) {
          insert.setString(11, queued.idempotencyKey());
        }
        insert.addBatch();
        pending++;
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private void advance(Connection connection, List<DispatchDecision> decisions)
      throws SQLException {
    if (dialect == SqlDialect.POSTGRES) {
      advanceInOneStatement(connection, decisions);
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(ADVANCE)) {
      for (DispatchDecision decision : decisions) {
        update.setObject(1, utc(decision.nextDue()));
        update.setObject(2, decision.lastLocalDate().orElse(null));
        update.setBoolean(3, decision.active());
        update.setLong(4, decision.due().scheduleId());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** PostgreSQL takes the whole batch's new states as arrays: one statement, one round trip. */
  private static void advanceInOneStatement(Connection connection, List<DispatchDecision> decisions)
      throws SQLException {
    int size = decisions.size();
    Long[] ids = new Long[size];
    OffsetDateTime[] due = new OffsetDateTime[size];
    LocalDate[] dates = new LocalDate[size];
    Boolean[] active = new Boolean[size];
    for (int i = 0; i < size; i++) {
      DispatchDecision decision = decisions.get(i);
      ids[i] = decision.due().scheduleId();
      due[i] = utc(decision.nextDue());
      dates[i] = decision.lastLocalDate().orElse(null);
      active[i] = decision.active();
    }
    try (PreparedStatement update = connection.prepareStatement(ADVANCE_ALL)) {
      update.setArray(1, connection.createArrayOf("bigint", ids));
      update.setArray(2, connection.createArrayOf("timestamptz", due));
      update.setArray(3, connection.createArrayOf("date", dates));
      update.setArray(4, connection.createArrayOf("boolean", active));
      update.executeUpdate();
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A schedule row as read by the claim. */
  private record Row(
      long id,
      @Nullable Long learnerId,
      @Nullable Long groupId,
      DeliveryKind kind,
      ZoneId zone,
      LocalTime time,
      ChatRef chat,
      Instant nextDue,
      @Nullable LocalDate lastLocalDate) {

    static Row read(ResultSet result) throws SQLException {
      Long learnerId = JdbcTransaction.nullableLong(result, 2);
      Long groupId = JdbcTransaction.nullableLong(result, 3);
      ChatRef chat =
          new ChatRef(
              Platform.valueOf(result.getString(7)),
              result.getString(8),
              ChatKind.valueOf(result.getString(9)));
      return new Row(
          result.getLong(1),
          learnerId,
          groupId,
          DeliveryKind.valueOf(result.getString(4)),
          ZoneId.of(result.getString(5)),
          result.getObject(6, LocalTime.class),
          chat,
          result.getObject(10, OffsetDateTime.class).toInstant(),
          result.getObject(11, LocalDate.class));
    }

    DueDelivery toDue(Map<Long, Instant> lastSeen) {
      return new DueDelivery(
          id,
          learnerId,
          groupId,
          kind,
          zone,
          time,
          chat,
          nextDue,
          Optional.ofNullable(lastLocalDate),
          Optional.ofNullable(learnerId == null ? null : lastSeen.get(learnerId)));
    }
  }
}
