package io.studybot.core.study;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Places in a curriculum and the topics done there, inside one transaction. */
public interface EnrollmentRepository {

  Optional<Enrollment> find(StudyOwner owner, String curriculumId);

  Enrollment add(Enrollment enrollment);

  Set<String> completedTopics(long enrollmentId);

  /**
   * Records the topic as done; doing so twice changes nothing. A topic tested out of counts as
   * studied from then on.
   */
  void markCompleted(long enrollmentId, String topicId, Instant now);

  // Placement tests

  /** Records the topic as done by a placement test, unless it is done already. */
  void markTestedOut(long enrollmentId, String topicId, Instant now);

  /** The done topics that were tested out of rather than studied. */
  Set<String> testedOutTopics(long enrollmentId);

  /** The enrollment's placement test, running or finished, if it has one. */
  Optional<Placement> placement(long enrollmentId);

  /** Stores a new placement test in place of the enrollment's previous one, if any. */
  Placement startPlacement(Placement placement);
}
