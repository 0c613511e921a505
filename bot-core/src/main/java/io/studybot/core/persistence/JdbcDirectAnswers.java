package io.studybot.core.persistence;

import static io.studybot.core.persistence.JdbcColumns.instant;
import static io.studybot.core.persistence.JdbcColumns.utc;
import static java.util.Collections.nCopies;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * {@link DirectAnswers} on PostgreSQL: a private answer in one statement and the commit. Answers
 * pressed while the database is busy share that statement and commit ({@link GroupCommit}), one row
 * of values each. The statement's data-modifying parts all see the snapshot from before it, so the
 * tally it returns leaves this answer out and the card it returns is the one from before (when it
 * had to keep it); a batch holds one answer per chat, so no answer's tally misses another of the
 * same batch.
 */
final class JdbcDirectAnswers implements DirectAnswers {
  /** Answers in one transaction at most. */
  static final int LARGEST_BATCH = 16;

  /** One answer's values: its number in the batch, the press, its first card. */
  private static final String VALUES_ROW =
      """
      (?::int, ?::bigint, ?::varchar, ?::varchar, ?::varchar, ?::timestamptz, ?::varchar,
       ?::varchar, ?::varchar, ?::varchar, ?::int, ?::boolean, ?::timestamptz, ?::varchar, ?::int,
       ?::float8, ?::float8, ?::timestamptz, ?::timestamptz, ?::int, ?::int, ?::int, ?::int)""";

  /**
   * Checks, records the answers, writes first cards. {@code p} holds each answer's values; {@code
   * target} has one row for each answer whose every condition of {@link PressedAnswer} holds.
   */
  private static final String RECORD =
      """
      with p (n, qq, platform, account, display_name, seen_since, chat_id, curriculum_id, topic_id,
              question_id, choice, correct, answered_at, state, step, stability, difficulty, due,
              last_review, reps, lapses, scheduled_days, elapsed_days) as (values %s),
      target as (
        select p.n, l.id as learner_id, l.language, l.zone, l.streak_current, l.streak_best,
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
        select p.qq, t.learner_id, p.choice, p.correct, p.answered_at
          from p join target t on t.n = p.n
        on conflict (quiz_question_id, learner_id) do nothing
        returning learner_id),
      card as (
        insert into review_card (learner_id, curriculum_id, topic_id, question_id, state, step,
                                 stability, difficulty, due, last_review, reps, lapses,
                                 scheduled_days, elapsed_days)
        select a.learner_id, p.curriculum_id, p.topic_id, p.question_id, p.state, p.step,
               p.stability, p.difficulty, p.due, p.last_review, p.reps, p.lapses,
               p.scheduled_days, p.elapsed_days
          from p join target t on t.n = p.n join added a on a.learner_id = t.learner_id
        on conflict (learner_id, curriculum_id, topic_id, question_id) do nothing
        returning learner_id)
      select t.n, t.learner_id, t.language, t.zone, t.streak_current, t.streak_best,
             t.streak_last_day, t.quiz_id, t.enrollment_id, t.quiz_topic, t.local_day,
             exists (select 1 from added a where a.learner_id = t.learner_id),
             exists (select 1 from card k where k.learner_id = t.learner_id),
             tally.questions, tally.answered, tally.right_ones,
             c.id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps,
             c.lapses, c.scheduled_days, c.elapsed_days
        from p join target t on t.n = p.n
        cross join lateral (
          select count(*) as questions, count(s.correct) as answered,
                 count(*) filter (where s.correct) as right_ones
            from (select (select a.correct from quiz_attempt a
                           where a.quiz_question_id = x.id and a.learner_id = t.learner_id)
                           as correct
                    from quiz_question x where x.quiz_id = t.quiz_id) s) tally
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

  /** The statement for each batch size, made once. */
  private static final List<String> RECORD_BY_SIZE =
      IntStream.rangeClosed(1, LARGEST_BATCH)
          .mapToObj(size -> RECORD.formatted(String.join(",", nCopies(size, VALUES_ROW))))
          .toList();

  private final Database database;
  private final GroupCommit<Pressed<?>> batches;
  private final LongAdder transactions = new LongAdder();

  /**
   * @param parallel batches running at once at most, so that answers arriving meanwhile wait and
   *     share the next
   */
  JdbcDirectAnswers(Database database, int parallel) {
    this.database = database;
    this.batches =
        new GroupCommit<>(
            parallel,
            LARGEST_BATCH,
            (one, other) -> one.answer.chat().equals(other.answer.chat()),
            this::run);
  }

  @Override
  public <T> Optional<T> record(PressedAnswer answer, Rest<T> rest) {
    Pressed<T> pressed = new Pressed<>(answer, rest);
    batches.submit(pressed);
    if (pressed.outcome == Outcome.AGAIN_ALONE) {
      run(List.of(pressed));
    }
    return pressed.result();
  }

  /** Transactions that recorded answers so far; answers per transaction show the batching. */
  long transactions() {
    return transactions.sum();
  }

  /** Answers waiting for a transaction to share. */
  int waiting() {
    return batches.waiting();
  }

  /**
   * Runs a batch in one transaction. A batch of several that cannot commit as a whole leaves each
   * answer to be tried again alone, so that one answer's trouble is never another's.
   */
  private void run(List<Pressed<?>> batch) {
    batch.forEach(Pressed::reset);
    boolean shared = batch.size() > 1;
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (recordAll(connection, batch)) {
          connection.commit();
          batch.forEach(Pressed::committed);
          if (batch.stream().anyMatch(pressed -> pressed.outcome == Outcome.RECORDED)) {
            transactions.increment();
          }
        } else {
          connection.rollback();
          batch.forEach(pressed -> pressed.rolledBack(shared, null));
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        RuntimeException cause =
            e instanceof SQLException sql ? failure(sql) : (RuntimeException) e;
        batch.forEach(pressed -> pressed.rolledBack(shared, cause));
      }
    } catch (SQLException e) {
      // No connection, or it broke: the database's trouble, so every answer's, and none is retried.
      RuntimeException cause = failure(e);
      batch.forEach(pressed -> pressed.rolledBack(false, cause));
    }
  }

  /** Records the batch and runs each rest; false when the batch must be rolled back. */
  private boolean recordAll(Connection connection, List<Pressed<?>> batch) throws SQLException {
    Map<Integer, RecordedAnswer> recorded = recordRows(connection, batch);
    Writes writes = new ConnectionWrites(connection);
    for (int n = 0; n < batch.size(); n++) {
      RecordedAnswer found = recorded.get(n);
      Pressed<?> pressed = batch.get(n);
      if (found == null) {
        pressed.outcome = Outcome.NOT_RECORDED;
      } else if (!proceed(pressed, found, writes)) {
        return false;
      }
    }
    return true;
  }

  private static boolean proceed(Pressed<?> pressed, RecordedAnswer found, Writes writes)
      throws SQLException {
    try {
      return pressed.proceed(found, writes);
    } catch (Unchecked e) {
      throw e.cause;
    }
  }

  /** The answers the statement recorded, by their number in the batch. */
  private static Map<Integer, RecordedAnswer> recordRows(
      Connection connection, List<Pressed<?>> batch) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(RECORD_BY_SIZE.get(batch.size() - 1))) {
      int next = 1;
      for (int n = 0; n < batch.size(); n++) {
        next = bind(statement, next, n, batch.get(n).answer);
      }
      Map<Integer, RecordedAnswer> recorded = new HashMap<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          if (row.getBoolean(12)) {
            recorded.put(row.getInt(1), recorded(row, batch.get(row.getInt(1)).answer.correct()));
          }
        }
      }
      return recorded;
    }
  }

  private static int bind(PreparedStatement statement, int first, int n, PressedAnswer answer)
      throws SQLException {
    statement.setInt(first, n);
    statement.setLong(first + 1, answer.quizQuestionId());
    statement.setString(first + 2, answer.chat().platform().name());
    statement.setString(first + 3, answer.user().externalId());
    statement.setString(first + 4, answer.user().displayName());
    statement.setObject(first + 5, utc(answer.seenSince()));
    statement.setString(first + 6, answer.chat().id());
    statement.setString(first + 7, answer.curriculumId());
    statement.setString(first + 8, answer.topicId());
    statement.setString(first + 9, answer.questionId());
    statement.setInt(first + 10, answer.choice());
    statement.setBoolean(first + 11, answer.correct());
    statement.setObject(first + 12, utc(answer.at()));
    JdbcColumns.setCard(statement, first + 13, answer.firstCard());
    return first + 23;
  }

  /** A recorded answer's row, columns as the statement's last select lists them. */
  private static RecordedAnswer recorded(ResultSet row, boolean correct) throws SQLException {
    boolean cardAdded = row.getBoolean(13);
    LocalDate streakDay = row.getObject(7, LocalDate.class);
    return new RecordedAnswer(
        row.getLong(2),
        Language.fromTag(row.getString(3)).orElse(Language.EN),
        ZoneId.of(row.getString(4)),
        new Streak(row.getInt(5), row.getInt(6), Optional.ofNullable(streakDay)),
        row.getLong(8),
        row.getLong(9),
        row.getString(10),
        row.getObject(11, LocalDate.class),
        cardAdded ? Optional.empty() : existingCard(row),
        row.getLong(15) + 1,
        row.getLong(16) + (correct ? 1 : 0),
        row.getLong(14));
  }

  /** The card the statement found, from column 17 on; empty when there was none. */
  private static Optional<RecordedAnswer.ExistingCard> existingCard(ResultSet row)
      throws SQLException {
    long id = row.getLong(17);
    if (row.wasNull()) {
      return Optional.empty();
    }
    OffsetDateTime lastReview = row.getObject(23, OffsetDateTime.class);
    ReviewCard card =
        new ReviewCard(
            CardState.valueOf(row.getString(18)),
            row.getInt(19),
            row.getDouble(20),
            row.getDouble(21),
            instant(row, 22),
            lastReview == null ? null : lastReview.toInstant(),
            row.getInt(24),
            row.getInt(25),
            row.getInt(26),
            row.getInt(27));
    return Optional.of(new RecordedAnswer.ExistingCard(id, card));
  }

  private RuntimeException failure(SQLException e) {
    return StoreFailures.classified(
        database, new IllegalStateException("recording an answer failed: " + e.getMessage(), e));
  }

  /** How a pressed answer's batch ended for it. */
  private enum Outcome {
    /** Committed with the rest's value. */
    RECORDED,
    /** Nothing written: a condition failed, or the rest returned empty in its own transaction. */
    NOT_RECORDED,
    /** Its batch of several was rolled back; it is tried again in a transaction of its own. */
    AGAIN_ALONE,
    /** Its own transaction failed. */
    FAILED
  }

  /** An answer on its way, with what became of it. */
  private static final class Pressed<T> {
    final PressedAnswer answer;
    final Rest<T> rest;
    Outcome outcome = Outcome.AGAIN_ALONE;
    Optional<T> value = Optional.empty();
    @Nullable RuntimeException failure;

    Pressed(PressedAnswer answer, Rest<T> rest) {
      this.answer = answer;
      this.rest = rest;
    }

    void reset() {
      outcome = Outcome.AGAIN_ALONE;
      value = Optional.empty();
      failure = null;
    }

    /** Runs the rest; false when it returned empty. */
    boolean proceed(RecordedAnswer recorded, Writes writes) {
      value = rest.after(recorded, writes);
      return value.isPresent();
    }

    void committed() {
      if (outcome != Outcome.NOT_RECORDED) {
        outcome = Outcome.RECORDED;
      }
    }

    /**
     * Shared, the answer is tried again alone; alone, the failure is its own, and without one
     * nothing was recorded.
     */
    void rolledBack(boolean shared, @Nullable RuntimeException failure) {
      value = Optional.empty();
      this.failure = failure;
      if (shared) {
        outcome = Outcome.AGAIN_ALONE;
      } else {
        outcome = failure == null ? Outcome.NOT_RECORDED : Outcome.FAILED;
      }
    }

    Optional<T> result() {
      if (outcome == Outcome.FAILED && failure != null) {
        throw failure;
      }
      return outcome == Outcome.RECORDED ? value : Optional.empty();
    }
  }

  /** Carries an {@link SQLException} out of the rest, which cannot throw it. */
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
