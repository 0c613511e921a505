package io.studybot.core.persistence;

import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.schedule.DeliveryScheduleRepository;
import io.studybot.core.study.StudyOwner;
import java.util.Optional;
import org.hibernate.Session;

/** Schedule rows in plain JDBC on the session's connection, so they share its transaction. */
final class JdbcDeliveryScheduleRepository implements DeliveryScheduleRepository {
  private final Session session;
  private final SqlDialect dialect;

  JdbcDeliveryScheduleRepository(Session session, SqlDialect dialect) {
    this.session = session;
    this.dialect = dialect;
  }

  @Override
  public Optional<DeliverySchedule> find(StudyOwner owner, DeliveryKind kind) {
    // A learner or group created in this transaction must reach the database first.
    session.flush();
    return session.doReturningWork(
        connection -> ScheduleRows.find(connection, dialect, owner, kind));
  }

  @Override
  public void save(DeliverySchedule schedule) {
    session.doWork(connection -> ScheduleRows.save(connection, schedule));
  }
}
