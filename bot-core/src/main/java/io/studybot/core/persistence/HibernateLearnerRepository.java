package io.studybot.core.persistence;

import io.studybot.core.chat.Platform;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerRepository;
import io.studybot.core.study.PlatformAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

  @Override
  public int accountCount(long learnerId) {
    return session
        .createSelectionQuery(
            "select count(a) from PlatformAccount a where a.learnerId = :learner", Long.class)
        .setParameter("learner", learnerId)
        .getSingleResult()
        .intValue();
  }

  @Override
  public void issueLinkCode(long learnerId, String code, Instant expiresAt) {
    session.flush();
    session.doWork(
        connection -> {
          update(connection, "delete from link_code where learner_id = ?", learnerId);
          update(
              connection,
              "insert into link_code (code, learner_id, expires_at) values (?, ?, ?)",
              code,
              learnerId,
              JdbcColumns.utc(expiresAt));
        });
  }

  @Override
  public Optional<Long> redeemLinkCode(String code, Instant now) {
    session.flush();
    return session.doReturningWork(
        connection -> {
          Optional<Long> issuer = Optional.empty();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select learner_id from link_code where code = ? and expires_at > ?")) {
            select.setString(1, code);
            select.setObject(2, JdbcColumns.utc(now));
            try (ResultSet result = select.executeQuery()) {
              if (result.next()) {
                issuer = Optional.of(result.getLong(1));
              }
            }
          }
          // Used or not, an expired code is of no use any more.
          update(
              connection,
              "delete from link_code where code = ? or expires_at <= ?",
              code,
              JdbcColumns.utc(now));
          return issuer;
        });
  }

  @Override
  public void absorb(long from, long into) {
    session.flush();
    session.doWork(connection -> LearnerMerge.absorb(connection, from, into));
    session.clear(); // rows moved under the loaded entities
  }

  @Override
  public void splitOff(long learnerId, Platform platform, String externalId, Learner copy) {
    session.persist(copy);
    session.flush();
    session.doWork(
        connection ->
            LearnerMerge.splitOff(connection, learnerId, platform, externalId, copy.id()));
  }

  private static void update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
