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

  /** Daily quizzes in a row closed without one answer; two or more and the course waits. */
  @Column(name = "unanswered_quizzes", nullable = false)
  private int unansweredQuizzes;

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
   * The course moves on one topic a day: the first lesson (timed or /today) on a later local day
   * than the last one advances the position first; a repeated one on the same day does not, nor
   * does any while the course {@linkplain #waiting() waits}.
   */
  public void startLessonDay(java.time.LocalDate day) {
    if (lastLessonDay != null && day.isAfter(lastLessonDay) && !waiting()) {
      advance();
    }
    markLessonDay(day);
  }

  /** A lesson was shown on {@code day} without moving the course on (/next, /skip moved it). */
  public void markLessonDay(java.time.LocalDate day) {
    if (lastLessonDay == null || day.isAfter(lastLessonDay)) {
      lastLessonDay = day;
    }
  }

  /** After this many daily quizzes in a row left unanswered, the course waits. */
  public static final int WAIT_AFTER_UNANSWERED_QUIZZES = 2;

  /** A daily quiz was closed: with at least one answer, or none at all. */
  public void quizClosed(boolean answered) {
    unansweredQuizzes = answered ? 0 : unansweredQuizzes + 1;
  }

  /** The learner moved on by hand (/next, /skip): the course no longer waits. */
  public void resume() {
    unansweredQuizzes = 0;
  }

  /** Whether the course stays on its current topic until the learner answers a quiz or moves on. */
  public boolean waiting() {
    return unansweredQuizzes >= WAIT_AFTER_UNANSWERED_QUIZZES;
  }
}
