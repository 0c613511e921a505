package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.schedule.DispatchDecision;
import io.studybot.core.study.StudyOwner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one writer of {@code delivery_schedule}: the conversation's changes and the dispatch tick's
 * advances both go through here, on the caller's connection and transaction, and every read locks
 * the rows it returns.
 */
final class ScheduleRows {
  static final String COLUMNS =
      "id, learner_id, group_id, kind, zone, local_time, "
          + JdbcColumns.CHAT_COLUMNS
          + ", active, next_due, last_local_date";
  private static final String INSERT =
      "insert into delivery_schedule (learner_id, group_id, kind, zone, local_time, "
          + JdbcColumns.CHAT_COLUMNS
          + ", active, next_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "update delivery_schedule set zone = ?, local_time = ?, chat_platform = ?, chat_id = ?,"
          + " chat_kind = ?, chat_topic = ?, chat_server = ?, active = ?, next_due = ? where id = ?";

  private static final String ADVANCE =
      "update delivery_schedule set next_due = ?, last_local_date = ?, active = ? where id = ?";

  private static final String ADVANCE_ALL =
      "update delivery_schedule s set next_due = v.next_due, last_local_date = v.last_local_date,"
          + " active = v.active from unnest(?, ?, ?, ?) as v(id, next_due, last_local_date, active)"
          + " where s.id = v.id";

  private ScheduleRows() {}

  /** The owner's row of one kind, locked until the transaction ends. */
  static Optional<DeliverySchedule> find(
      Connection connection, SqlDialect dialect, StudyOwner owner, DeliveryKind kind)
      throws SQLException {
    String column = owner.isLearner() ? "learner_id" : "group_id";
    String select =
        "select " + COLUMNS + " from delivery_schedule where " + column + " = ? and kind = ?";
    try (PreparedStatement statement = connection.prepareStatement(dialect.lockRows(select))) {
      statement.setLong(1, owner.id());
      statement.setString(2, kind.name());
      List<DeliverySchedule> rows = read(statement);
      return rows.stream().findFirst();
    }
  }

  static List<DeliverySchedule> read(PreparedStatement select) throws SQLException {
    List<DeliverySchedule> rows = new ArrayList<>();
    try (ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(row(result));
      }
    }
    return rows;
  }

  private static DeliverySchedule row(ResultSet result) throws SQLException {
    return new DeliverySchedule(
        result.getLong(1),
        JdbcColumns.owner(result, 2),
        DeliveryKind.valueOf(result.getString(4)),
        ZoneId.of(result.getString(5)),
        result.getObject(6, LocalTime.class),
        JdbcColumns.chat(result, 7),
        result.getBoolean(12),
        JdbcColumns.instant(result, 13),
        Optional.ofNullable(result.getObject(14, LocalDate.class)));
  }

  static void save(Connection connection, DeliverySchedule schedule) throws SQLException {
    if (schedule.id().isPresent()) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
        update.setString(1, schedule.zone().getId());
        update.setObject(2, schedule.localTime());
        JdbcColumns.setChat(update, 3, schedule.chat());
        update.setBoolean(8, schedule.active());
        update.setObject(9, utc(schedule.nextDue()));
        update.setLong(10, schedule.id().get());
        update.executeUpdate();
      }
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      JdbcColumns.setOwner(insert, 1, schedule.owner());
      insert.setString(3, schedule.kind().name());
      insert.setString(4, schedule.zone().getId());
      insert.setObject(5, schedule.localTime());
      JdbcColumns.setChat(insert, 6, schedule.chat());
      insert.setBoolean(11, schedule.active());
      insert.setObject(12, utc(schedule.nextDue()));
      insert.executeUpdate();
    }
  }

  /** Moves claimed rows on as the dispatch tick decided. */
  static void advance(Connection connection, SqlDialect dialect, List<DispatchDecision> decisions)
      throws SQLException {
    if (dialect.isPostgres()) {
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
}
