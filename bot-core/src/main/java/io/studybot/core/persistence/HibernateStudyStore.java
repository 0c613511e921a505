package io.studybot.core.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.Repositories;
import io.studybot.core.state.StudyStore;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study store on Hibernate: one session and transaction per unit of work, shared by all the
 * repositories. A unit that loses a race for a unique row (the same answer pressed on two devices,
 * two first messages of one new user) runs once more, and then finds the winner's row.
 */
public final class HibernateStudyStore implements StudyStore {
  private static final Logger log = LoggerFactory.getLogger(HibernateStudyStore.class);

  /** The meter of {@link #bindMetrics}. */
  public static final String ANSWER_TRANSACTIONS = "studybot.answers.transactions";

  private final Database database;
  private final SessionFactory sessionFactory;
  private final SqlDialect dialect;
  private final DirectAnswers directAnswers;

  public HibernateStudyStore(Database database) {
    this.database = database;
    this.sessionFactory = database.sessionFactory();
    this.dialect = database.dialect();
    this.directAnswers =
        dialect.isPostgres()
            ? new JdbcDirectAnswers(database, answerBatches(database))
            : DirectAnswers.NONE;
  }

  /** Half the pool records answers at most; answers arriving meanwhile share a transaction. */
  private static int answerBatches(Database database) {
    return Math.max(1, database.settings().poolSize() / 2);
  }

  /**
   * Counts the transactions that recorded direct answers: against {@code
   * studybot_answers_direct_total}, how many answers shared one.
   */
  public void bindMetrics(MeterRegistry registry) {
    if (directAnswers instanceof JdbcDirectAnswers jdbc) {
      FunctionCounter.builder(ANSWER_TRANSACTIONS, jdbc, JdbcDirectAnswers::transactions)
          .description("transactions that recorded answers pressed in private chats")
          .register(registry);
    }
  }

  @Override
  public DirectAnswers directAnswers() {
    return directAnswers;
  }

  @Override
  public <T> T inTransaction(Function<Repositories, T> work) {
    try {
      return retryingLostRace(work);
    } catch (RuntimeException e) {
      throw StoreFailures.classified(database, e);
    }
  }

  private <T> T retryingLostRace(Function<Repositories, T> work) {
    try {
      return once(work);
    } catch (RuntimeException e) {
      if (!lostUniqueRace(e)) {
        throw e;
      }
      log.debug("A transaction lost a race for a unique row; running it again", e);
      return once(work);
    }
  }

  private <T> T once(Function<Repositories, T> work) {
    return sessionFactory.fromTransaction(
        session ->
            work.apply(
                new Repositories(
                    new HibernateLearnerRepository(session),
                    new HibernateGroupRepository(session),
                    new HibernateEnrollmentRepository(session, dialect),
                    new HibernateQuizRepository(session, dialect),
                    new HibernateReviewCardRepository(session, dialect),
                    new JdbcDeliveryScheduleRepository(session, dialect),
                    new JdbcOperatorRepository(session),
                    (rowId, replies) ->
                        session.doWork(
                            connection ->
                                JdbcInboxStore.handled(
                                    connection, rowId, ReplyCodec.write(replies))))));
  }

  private static boolean lostUniqueRace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConstraintViolationException violation
          && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
        return true;
      }
    }
    return false;
  }
}
