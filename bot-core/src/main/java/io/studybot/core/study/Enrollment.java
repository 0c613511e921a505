package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A learner's or a group's place in a curriculum: the position of the current topic. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends StoredEntity {
  @Column(name = "learner_id")
  private @Nullable Long learnerId;

  @Column(name = "group_id")
  private @Nullable Long groupId;

  @Column(name = "curriculum_id", nullable = false)
  private String curriculumId;

  @Column(nullable = false)
  private int position;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "last_lesson_day")
  private java.time.@Nullable LocalDate lastLessonDay;

  protected Enrollment() {}

  private Enrollment(
      @Nullable Long learnerId, @Nullable Long groupId, String curriculumId, Instant startedAt) {
    this.learnerId = learnerId;
    this.groupId = groupId;
    this.curriculumId = curriculumId;
    this.startedAt = startedAt;
  }

  public static Enrollment of(StudyOwner owner, String curriculumId, Instant now) {
    return new Enrollment(owner.learnerColumn(), owner.groupColumn(), curriculumId, now);
  }

  public StudyOwner owner() {
    return StudyOwner.fromColumns(learnerId, groupId);
  }

  public String curriculumId() {
    return curriculumId;
  }

  public int position() {
    return position;
  }

  public void advance() {
    position++;
  }

  /** Moves the course on to a later topic, as a placement test does; never back. */
  public void moveForwardTo(int later) {
    position = Math.max(position, later);
  }

  /**
   * The course moves on one topic a day: a scheduled lesson on a later day than the last one
   * advances the position first; a repeated delivery on the same day does not.
   */
  public void startLessonDay(java.time.LocalDate day) {
    if (lastLessonDay != null && day.isAfter(lastLessonDay)) {
      advance();
    }
    if (lastLessonDay == null || day.isAfter(lastLessonDay)) {
      lastLessonDay = day;
    }
  }
}
