package io.studybot.core.persistence;

import io.studybot.core.study.CompletedTopic;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.EnrollmentRepository;
import io.studybot.core.study.Placement;
import io.studybot.core.study.StudyOwner;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/** Enrollments and completed topics on one Hibernate session. */
final class HibernateEnrollmentRepository implements EnrollmentRepository {
  private final Session session;
  private final String insertCompleted;
  private final boolean keyRepeated;

  HibernateEnrollmentRepository(Session session, SqlDialect dialect) {
    this.session = session;
    this.keyRepeated = !dialect.isPostgres();
    this.insertCompleted =
        dialect.insertIfAbsent(
            "completed_topic",
            "enrollment_id, topic_id, completed_at",
            "?, ?, ?",
            "enrollment_id",
            "topic_id");
  }

  @Override
  public Optional<Enrollment> find(StudyOwner owner, String curriculumId) {
    String column = owner.isLearner() ? "e.learnerId" : "e.groupId";
    return session
        .createSelectionQuery(
            "from Enrollment e where " + column + " = :owner and e.curriculumId = :curriculum",
            Enrollment.class)
        .setParameter("owner", owner.id())
        .setParameter("curriculum", curriculumId)
        .uniqueResultOptional();
  }

  @Override
  public Enrollment add(Enrollment enrollment) {
    session.persist(enrollment);
    return enrollment;
  }

  @Override
  public Set<String> completedTopics(long enrollmentId) {
    return new HashSet<>(
        session
            .createSelectionQuery(
                "select c.topicId from CompletedTopic c where c.enrollmentId = :enrollment",
                String.class)
            .setParameter("enrollment", enrollmentId)
            .getResultList());
  }

  @Override
  public void markCompleted(long enrollmentId, String topicId, Instant now) {
    if (insertIfAbsent(enrollmentId, topicId, now)) {
      return; // the usual case: one write, no read
    }
    completed(enrollmentId, topicId)
        .filter(CompletedTopic::isTestedOut)
        .ifPresent(done -> done.studied(now));
  }

  private boolean insertIfAbsent(long enrollmentId, String topicId, Instant now) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(insertCompleted)) {
            insert.setLong(1, enrollmentId);
            insert.setString(2, topicId);
            insert.setObject(3, JdbcColumns.utc(now));
            if (keyRepeated) {
              insert.setLong(4, enrollmentId);
              insert.setString(5, topicId);
            }
            return insert.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void markTestedOut(long enrollmentId, String topicId, Instant now) {
    if (completed(enrollmentId, topicId).isEmpty()) {
      session.persist(CompletedTopic.testedOut(enrollmentId, topicId, now));
    }
  }

  @Override
  public Set<String> testedOutTopics(long enrollmentId) {
    return new HashSet<>(
        session
            .createSelectionQuery(
                "select c.topicId from CompletedTopic c"
                    + " where c.enrollmentId = :enrollment and c.testedOut",
                String.class)
            .setParameter("enrollment", enrollmentId)
            .getResultList());
  }

  private Optional<CompletedTopic> completed(long enrollmentId, String topicId) {
    return session
        .createSelectionQuery(
            "from CompletedTopic c where c.enrollmentId = :enrollment and c.topicId = :topic",
            CompletedTopic.class)
        .setParameter("enrollment", enrollmentId)
        .setParameter("topic", topicId)
        .uniqueResultOptional();
  }

  @Override
  public Optional<Placement> placement(long enrollmentId) {
    return session
        .createSelectionQuery(
            "from Placement p where p.enrollmentId = :enrollment", Placement.class)
        .setParameter("enrollment", enrollmentId)
        .uniqueResultOptional();
  }

  @Override
  public Placement startPlacement(Placement placement) {
    Optional<Placement> previous = placement(placement.enrollmentId());
    if (previous.isPresent()) {
      session.remove(previous.get());
      session.flush(); // the new row takes the old one's unique enrollment
    }
    session.persist(placement);
    return placement;
  }
}
