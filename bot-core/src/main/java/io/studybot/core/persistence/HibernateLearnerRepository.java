package io.studybot.core.persistence;

import io.studybot.core.chat.Platform;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerRepository;
import io.studybot.core.study.PlatformAccount;
import java.util.Optional;
import org.hibernate.Session;

/** Learners and their accounts on one Hibernate session. */
final class HibernateLearnerRepository implements LearnerRepository {
  private final Session session;

  HibernateLearnerRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<Learner> byAccount(Platform platform, String externalId) {
    return session
        .createSelectionQuery(
            "select l from Learner l, PlatformAccount a where a.learnerId = l.id"
                + " and a.platform = :platform and a.externalId = :externalId",
            Learner.class)
        .setParameter("platform", platform)
        .setParameter("externalId", externalId)
        .uniqueResultOptional();
  }

  @Override
  public Optional<Learner> find(long learnerId) {
    return Optional.ofNullable(session.find(Learner.class, learnerId));
  }

  @Override
  public Learner add(Learner learner, Platform platform, String externalId) {
    session.persist(learner);
    session.persist(new PlatformAccount(platform, externalId, learner.id()));
    return learner;
  }

  @Override
  public void delete(long learnerId) {
    // The schema cascades to accounts, enrollments, quizzes, answers and schedules; the outbox has
    // no foreign keys, so its rows (which name the learner's chat) go explicitly.
    session.flush();
    session.doWork(connection -> JdbcOutboxStore.deleteForLearner(connection, learnerId));
    session
        .createMutationQuery("delete from Learner l where l.id = :id")
        .setParameter("id", learnerId)
        .executeUpdate();
  }
}
