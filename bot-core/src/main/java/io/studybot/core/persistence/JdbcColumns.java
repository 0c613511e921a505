package io.studybot.core.persistence;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.StudyOwner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** How the plain-JDBC stores read and write the values several tables share. */
final class JdbcColumns {
  private JdbcColumns() {}

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet result, int column) throws SQLException {
    return result.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Long nullableLong(ResultSet result, int column) throws SQLException {
    long value = result.getLong(column);
    return result.wasNull() ? null : value;
  }

  /** The owner from a learner column followed by a group column. */
  static StudyOwner owner(ResultSet result, int learnerColumn) throws SQLException {
    return StudyOwner.fromColumns(
        nullableLong(result, learnerColumn), nullableLong(result, learnerColumn + 1));
  }

  /** Sets a learner parameter and the group parameter after it. */
  static void setOwner(PreparedStatement statement, int learnerIndex, StudyOwner owner)
      throws SQLException {
    setNullableLong(statement, learnerIndex, owner.learnerColumn());
    setNullableLong(statement, learnerIndex + 1, owner.groupColumn());
  }

  /** The columns of a chat, in the order {@link #chat} reads and {@link #setChat} sets them. */
  static final String CHAT_COLUMNS = "chat_platform, chat_id, chat_kind, chat_topic, chat_server";

  /** The chat from the five {@link #CHAT_COLUMNS} in a row. */
  static ChatRef chat(ResultSet result, int platformColumn) throws SQLException {
    return new ChatRef(
        Platform.valueOf(result.getString(platformColumn)),
        result.getString(platformColumn + 1),
        ChatKind.valueOf(result.getString(platformColumn + 2)),
        result.getString(platformColumn + 3),
        result.getString(platformColumn + 4));
  }

  /** Sets the five {@link #CHAT_COLUMNS} as parameters in a row. */
  static void setChat(PreparedStatement statement, int platformIndex, ChatRef chat)
      throws SQLException {
    statement.setString(platformIndex, chat.platform().name());
    statement.setString(platformIndex + 1, chat.id());
    statement.setString(platformIndex + 2, chat.kind().name());
    setNullableString(statement, platformIndex + 3, chat.topic());
    setNullableString(statement, platformIndex + 4, chat.server());
  }

  private static void setNullableString(
      PreparedStatement statement, int index, @Nullable String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static void setNullableLong(PreparedStatement statement, int index, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /**
   * Sets a review card's ten columns from {@code first} on, in the order state, step, stability,
   * difficulty, due, last_review, reps, lapses, scheduled_days, elapsed_days.
   */
  static void setCard(PreparedStatement statement, int first, ReviewCard card) throws SQLException {
    statement.setString(first, card.state().name());
    statement.setInt(first + 1, card.step());
    statement.setDouble(first + 2, card.stability());
    statement.setDouble(first + 3, card.difficulty());
    statement.setObject(first + 4, utc(card.due()));
    setNullableInstant(statement, first + 5, card.lastReview());
    statement.setInt(first + 6, card.reps());
    statement.setInt(first + 7, card.lapses());
    statement.setInt(first + 8, card.scheduledDays());
    statement.setInt(first + 9, card.elapsedDays());
  }

  static void setNullableInstant(PreparedStatement statement, int index, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, utc(value));
    }
  }
}
