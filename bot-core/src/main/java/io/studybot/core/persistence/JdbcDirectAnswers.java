package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.instant;
import static io.studybot.core.persistence.JdbcColumns.utc;

import io.studybot.content.Language;
import io.studybot.core.chat.Reply;
import io.studybot.core.review.CardState;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.PressedAnswer;
import io.studybot.core.state.RecordedAnswer;
import io.studybot.core.study.Streak;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link DirectAnswers} on PostgreSQL: a private answer in one statement and the commit. The
 * statement's data-modifying parts all see the snapshot from before it, so the tally it returns
 * leaves this answer out and the card it returns is the one from before (when it had to keep it).
 */
final class JdbcDirectAnswers implements DirectAnswers {
  /**
   * Checks, records the answer, writes a first card. {@code p} holds the parameters once each;
   * {@code target} is one row exactly when every condition of {@link PressedAnswer} holds.
   */
  private static final String RECORD =
      """
      with p as (select ?::bigint as qq, ?::varchar as platform, ?::varchar as account,
                        ?::varchar as display_name, ?::timestamptz as seen_since,
                        ?::varchar as chat_id, ?::varchar as curriculum_id, ?::varchar as topic_id,
                        ?::varchar as question_id, ?::int as choice, ?::boolean as correct,
                        ?::timestamptz as answered_at),
      target as (
        select l.id as learner_id, l.language, l.zone, l.streak_current, l.streak_best,
               l.streak_last_day, q.id as quiz_id, q.enrollment_id, q.topic_id as quiz_topic,
               q.local_day
          from p
          join platform_account pa on pa.platform = p.platform and pa.external_id = p.account
          join learner l on l.id = pa.learner_id
          join quiz_question qq on qq.id = p.qq
          join quiz q on q.id = qq.quiz_id
          join enrollment e on e.id = q.enrollment_id
         where l.display_name = p.display_name and not l.dormant and l.last_seen_at >= p.seen_since
           and l.home_chat_platform = p.platform and l.home_chat_id = p.chat_id
           and qq.topic_id = p.topic_id and qq.question_id = p.question_id
           and q.chat_platform = p.platform and q.chat_id = p.chat_id
           and not q.closed and not q.review
           and e.learner_id = l.id and e.curriculum_id = p.curriculum_id),
      added as (
        insert into quiz_attempt (quiz_question_id, learner_id, choice, correct, answered_at)
        select p.qq, t.learner_id, p.choice, p.correct, p.answered_at from p, target t
        on conflict (quiz_question_id, learner_id) do nothing
        returning learner_id),
      card as (
        insert into review_card (learner_id, curriculum_id, topic_id, question_id, state, step,
                                 stability, difficulty, due, last_review, reps, lapses,
                                 scheduled_days, elapsed_days)
        select a.learner_id, p.curriculum_id, p.topic_id, p.question_id, ?, ?, ?, ?, ?, ?, ?, ?,
               ?, ?
          from p, added a
        on conflict (learner_id, curriculum_id, topic_id, question_id) do nothing
        returning id)
      select t.learner_id, t.language, t.zone, t.streak_current, t.streak_best, t.streak_last_day,
             t.quiz_id, t.enrollment_id, t.quiz_topic, t.local_day,
             (select count(*) from added), (select count(*) from card),
             tally.questions, tally.answered, tally.right_ones,
             c.id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps,
             c.lapses, c.scheduled_days, c.elapsed_days
        from p cross join target t
        cross join lateral (
          select count(x.id) as questions, count(a.id) as answered,
                 count(a.id) filter (where a.correct) as right_ones
            from quiz_question x left join quiz_attempt a
              on a.quiz_question_id = x.id and a.learner_id = t.learner_id
           where x.quiz_id = t.quiz_id) tally
        left join review_card c on c.learner_id = t.learner_id
             and c.curriculum_id = p.curriculum_id and c.topic_id = p.topic_id
             and c.question_id = p.question_id
      """;

  /** The card moved on, unless another turn moved it since it was read. */
  private static final String UPDATE_CARD =
      """
      update review_card set state = ?, step = ?, stability = ?, difficulty = ?, due = ?,
             last_review = ?, reps = ?, lapses = ?, scheduled_days = ?, elapsed_days = ?
       where id = ? and reps = ? and last_review is not distinct from ?
      """;

  /**
   * The streak (unless another turn changed it since it was read), the topic completed (a topic
   * tested out in a placement becomes studied), the quiz closed (unless it closed meanwhile).
   */
  private static final String FINISH =
      """
      with streak as (
        update learner set streak_current = ?, streak_best = ?, streak_last_day = ?
         where id = ? and streak_current = ? and streak_best = ?
           and streak_last_day is not distinct from ?
        returning id),
      done as (
        insert into completed_topic (enrollment_id, topic_id, completed_at) values (?, ?, ?)
        on conflict (enrollment_id, topic_id) do update
           set tested_out = false, completed_at = excluded.completed_at
         where completed_topic.tested_out
        returning id),
      closed as (update quiz set closed = true where id = ? and not closed returning id)
      select (select count(*) from streak), (select count(*) from closed)
      """;

  private final Database database;

  JdbcDirectAnswers(Database database) {
    this.database = database;
  }

  @Override
  public <T> Optional<T> inTransaction(Function<Writes, Optional<T>> work) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        Optional<T> result = work.apply(new ConnectionWrites(connection));
        if (result.isPresent()) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e);
    } catch (Unchecked e) {
      throw failure(e.cause);
    }
  }

  private RuntimeException failure(SQLException e) {
    return StoreFailures.classified(
        database, new IllegalStateException("recording an answer failed: " + e.getMessage(), e));
  }

  /** Carries an {@link SQLException} out of the work, which cannot throw it. */
  private static final class Unchecked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SQLException cause;

    Unchecked(SQLException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  /** The writes on the transaction's connection. */
  private record ConnectionWrites(Connection connection) implements Writes {
    @Override
    public Optional<RecordedAnswer> record(PressedAnswer answer) {
      try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
        statement.setLong(1, answer.quizQuestionId());
        statement.setString(2, answer.chat().platform().name());
        statement.setString(3, answer.user().externalId());
        statement.setString(4, answer.user().displayName());
        statement.setObject(5, utc(answer.seenSince()));
        statement.setString(6, answer.chat().id());
        statement.setString(7, answer.curriculumId());
        statement.setString(8, answer.topicId());
        statement.setString(9, answer.questionId());
        statement.setInt(10, answer.choice());
        statement.setBoolean(11, answer.correct());
        statement.setObject(12, utc(answer.at()));
        JdbcColumns.setCard(statement, 13, answer.firstCard());
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(recorded(row, answer.correct())) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new Unchecked(e);
      }
    }

    private static RecordedAnswer recorded(ResultSet row, boolean correct) throws SQLException {
      boolean added = row.getLong(11) == 1;
      boolean cardAdded = row.getLong(12) == 1;
      LocalDate streakDay = row.getObject(6, LocalDate.class);
      return new RecordedAnswer(
          row.getLong(1),
          Language.fromTag(row.getString(2)).orElse(Language.EN),
          ZoneId.of(row.getString(3)),
          new Streak(row.getInt(4), row.getInt(5), Optional.ofNullable(streakDay)),
          row.getLong(7),
          row.getLong(8),
          row.getString(9),
          row.getObject(10, LocalDate.class),
          added,
          added && !cardAdded ? existingCard(row) : Optional.empty(),
          row.getLong(14) + (added ? 1 : 0),
          row.getLong(15) + (added && correct ? 1 : 0),
          row.getLong(13));
    }

    /** The card the statement found, from column 16 on; empty when there was none. */
    private static Optional<RecordedAnswer.ExistingCard> existingCard(ResultSet row)
        throws SQLException {
      long id = row.getLong(16);
      if (row.wasNull()) {
        return Optional.empty();
      }
      OffsetDateTime lastReview = row.getObject(22, OffsetDateTime.class);
      ReviewCard card =
          new ReviewCard(
              CardState.valueOf(row.getString(17)),
              row.getInt(18),
              row.getDouble(19),
              row.getDouble(20),
              instant(row, 21),
              lastReview == null ? null : lastReview.toInstant(),
              row.getInt(23),
              row.getInt(24),
              row.getInt(25),
              row.getInt(26));
      return Optional.of(new RecordedAnswer.ExistingCard(id, card));
    }

    @Override
    public boolean updateCard(RecordedAnswer.ExistingCard existing, ReviewCard next) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE_CARD)) {
        JdbcColumns.setCard(update, 1, next);
        update.setLong(11, existing.id());
        update.setInt(12, existing.card().reps());
        JdbcColumns.setNullableInstant(update, 13, existing.card().lastReview());
        return update.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new Unchecked(e);
      }
    }

    @Override
    public boolean finish(RecordedAnswer recorded, Streak streak, Instant at) {
      try (PreparedStatement finish = connection.prepareStatement(FINISH)) {
        setStreak(finish, 1, streak);
        finish.setLong(4, recorded.learnerId());
        setStreak(finish, 5, recorded.streak());
        finish.setLong(8, recorded.enrollmentId());
        finish.setString(9, recorded.quizTopicId());
        finish.setObject(10, utc(at));
        finish.setLong(11, recorded.quizId());
        try (ResultSet row = finish.executeQuery()) {
          row.next();
          return row.getLong(1) == 1 && row.getLong(2) == 1;
        }
      } catch (SQLException e) {
        throw new Unchecked(e);
      }
    }

    @Override
    public void handled(long inboxRowId, List<Reply> replies) {
      try {
        JdbcInboxStore.handled(connection, inboxRowId, ReplyCodec.write(replies));
      } catch (SQLException e) {
        throw new Unchecked(e);
      }
    }

    private static void setStreak(PreparedStatement statement, int first, Streak streak)
        throws SQLException {
      statement.setInt(first, streak.current());
      statement.setInt(first + 1, streak.best());
      Optional<LocalDate> day = streak.lastDay();
      if (day.isPresent()) {
        statement.setObject(first + 2, day.get());
      } else {
        statement.setNull(first + 2, Types.DATE);
      }
    }
  }
}
