package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A topic whose quiz an enrollment finished. */
@Entity
@Table(name = "completed_topic")
public class CompletedTopic extends StoredEntity {
  @Column(name = "enrollment_id", nullable = false)
  private Long enrollmentId;

  @Column(name = "topic_id", nullable = false)
  private String topicId;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  protected CompletedTopic() {}

  public CompletedTopic(Long enrollmentId, String topicId, Instant completedAt) {
    this.enrollmentId = enrollmentId;
    this.topicId = topicId;
    this.completedAt = completedAt;
  }

  public String topicId() {
    return topicId;
  }
}
