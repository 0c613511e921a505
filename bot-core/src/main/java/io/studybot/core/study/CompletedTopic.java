package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A topic whose quiz an enrollment finished, or which the learner tested out of in a placement
 * test.
 */
@Entity
@Table(name = "completed_topic")
public class CompletedTopic extends StoredEntity {
  @Column(name = "enrollment_id", nullable = false)
  private Long enrollmentId;

  @Column(name = "topic_id", nullable = false)
  private String topicId;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "tested_out", nullable = false)
  private boolean testedOut;

  protected CompletedTopic() {}

  public CompletedTopic(Long enrollmentId, String topicId, Instant completedAt) {
    this.enrollmentId = enrollmentId;
    this.topicId = topicId;
    this.completedAt = completedAt;
  }

  /** A topic the learner showed they know in a placement test, rather than studied. */
  public static CompletedTopic testedOut(Long enrollmentId, String topicId, Instant now) {
    CompletedTopic topic = new CompletedTopic(enrollmentId, topicId, now);
    topic.testedOut = true;
    return topic;
  }

  public String topicId() {
    return topicId;
  }

  public boolean isTestedOut() {
    return testedOut;
  }

  /** The learner finished the quiz of a topic they had tested out of: it counts as studied now. */
  public void studied(Instant now) {
    testedOut = false;
    completedAt = now;
  }
}
