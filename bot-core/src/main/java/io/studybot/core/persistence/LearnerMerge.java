package io.studybot.core.persistence;

import io.studybot.core.chat.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Joining two learners into one and splitting an account off again, in plain SQL on the caller's
 * connection and transaction: rows move between learners in bulk, without loading them.
 */
final class LearnerMerge {
  private static final String CARD_COLUMNS =
      "curriculum_id, topic_id, question_id, state, step, stability, difficulty, due,"
          + " last_review, reps, lapses, scheduled_days, elapsed_days";

  private LearnerMerge() {}

  static void absorb(Connection connection, long from, long into) throws SQLException {
    execute(
        connection, "update platform_account set learner_id = ? where learner_id = ?", into, from);
    mergeEnrollments(connection, from, into);
    execute(
        connection,
        "update quiz_attempt set learner_id = ? where learner_id = ? and not exists"
            + " (select 1 from quiz_attempt o where o.learner_id = ?"
            + " and o.quiz_question_id = quiz_attempt.quiz_question_id)",
        into,
        from,
        into);
    mergeCards(connection, from, into);
    JdbcOutboxStore.deleteForLearner(connection, from);
    execute(connection, "delete from learner where id = ?", from);
  }

  /** Per curriculum: the further position, the union of completed topics, every quiz. */
  private static void mergeEnrollments(Connection connection, long from, long into)
      throws SQLException {
    for (EnrollmentRow moving : enrollments(connection, from)) {
      List<EnrollmentRow> staying =
          enrollments(connection, into).stream()
              .filter(row -> row.curriculumId().equals(moving.curriculumId()))
              .toList();
      if (staying.isEmpty()) {
        execute(connection, "update enrollment set learner_id = ? where id = ?", into, moving.id());
        continue;
      }
      EnrollmentRow kept = staying.get(0);
      execute(
          connection,
          "insert into completed_topic (enrollment_id, topic_id, completed_at, tested_out)"
              + " select ?, c.topic_id, c.completed_at, c.tested_out from completed_topic c"
              + " where c.enrollment_id = ? and not exists (select 1 from completed_topic o"
              + " where o.enrollment_id = ? and o.topic_id = c.topic_id)",
          kept.id(),
          moving.id(),
          kept.id());
      execute(
          connection,
          "update quiz set enrollment_id = ? where enrollment_id = ?",
          kept.id(),
          moving.id());
      execute(
          connection,
          "update enrollment set position = ?, last_lesson_day = ? where id = ?",
          Math.max(kept.position(), moving.position()),
          later(kept.lastLessonDay(), moving.lastLessonDay()),
          kept.id());
      execute(connection, "delete from enrollment where id = ?", moving.id());
    }
  }

  /** For a question both have, the card with more reviews stays; the others all move. */
  private static void mergeCards(Connection connection, long from, long into) throws SQLException {
    execute(
        connection,
        "delete from review_card where learner_id = ? and exists (select 1 from review_card o"
            + " where o.learner_id = ? and o.curriculum_id = review_card.curriculum_id"
            + " and o.topic_id = review_card.topic_id and o.question_id = review_card.question_id"
            + " and o.reps > review_card.reps)",
        into,
        from);
    execute(
        connection,
        "update review_card set learner_id = ? where learner_id = ? and not exists"
            + " (select 1 from review_card o where o.learner_id = ?"
            + " and o.curriculum_id = review_card.curriculum_id"
            + " and o.topic_id = review_card.topic_id"
            + " and o.question_id = review_card.question_id)",
        into,
        from,
        into);
  }

  static void splitOff(
      Connection connection, long learnerId, Platform platform, String externalId, long copy)
      throws SQLException {
    execute(
        connection,
        "update platform_account set learner_id = ? where learner_id = ? and platform = ?"
            + " and external_id = ?",
        copy,
        learnerId,
        platform.name(),
        externalId);
    execute(
        connection,
        "insert into enrollment (learner_id, curriculum_id, position, started_at, last_lesson_day)"
            + " select ?, curriculum_id, position, started_at, last_lesson_day from enrollment"
            + " where learner_id = ?",
        copy,
        learnerId);
    execute(
        connection,
        "insert into completed_topic (enrollment_id, topic_id, completed_at)"
            + " select n.id, c.topic_id, c.completed_at from completed_topic c"
            + " join enrollment o on o.id = c.enrollment_id"
            + " join enrollment n on n.curriculum_id = o.curriculum_id"
            + " where o.learner_id = ? and n.learner_id = ?",
        learnerId,
        copy);
    execute(
        connection,
        "insert into review_card (learner_id, "
            + CARD_COLUMNS
            + ") select ?, "
            + CARD_COLUMNS
            + " from review_card where learner_id = ?",
        copy,
        learnerId);
  }

  private static List<EnrollmentRow> enrollments(Connection connection, long learnerId)
      throws SQLException {
    List<EnrollmentRow> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id, curriculum_id, position, last_lesson_day from enrollment"
                + " where learner_id = ?")) {
      select.setLong(1, learnerId);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(
              new EnrollmentRow(
                  result.getLong(1),
                  result.getString(2),
                  result.getInt(3),
                  result.getObject(4, LocalDate.class)));
        }
      }
    }
    return rows;
  }

  private static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static void execute(Connection connection, String sql, @Nullable Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private record EnrollmentRow(
      long id, String curriculumId, int position, @Nullable LocalDate lastLessonDay) {}
}
