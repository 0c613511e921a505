package io.studybot.core.study;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Places in a curriculum and the topics done there, inside one transaction. */
public interface EnrollmentRepository {

  Optional<Enrollment> find(StudyOwner owner, String curriculumId);

  Enrollment add(Enrollment enrollment);

  Set<String> completedTopics(long enrollmentId);

  /** Records the topic as done; doing so twice changes nothing. */
  void markCompleted(long enrollmentId, String topicId, Instant now);
}
