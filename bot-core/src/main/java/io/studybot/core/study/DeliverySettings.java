package io.studybot.core.study;

import io.studybot.content.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalTime;
import java.time.ZoneId;

/** When and how a learner or a group is taught: language, time zone, lesson and quiz time. */
@Embeddable
public class DeliverySettings {
  public static final LocalTime DEFAULT_LESSON_TIME = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_QUIZ_TIME = LocalTime.of(20, 0);

  @Column(nullable = false)
  private Language language;

  @Column(nullable = false)
  private ZoneId zone;

  @Column(name = "lesson_time", nullable = false)
  private LocalTime lessonTime;

  @Column(name = "quiz_time", nullable = false)
  private LocalTime quizTime;

  protected DeliverySettings() {}

  /** The defaults: lessons at 09:00 and quizzes at 20:00. */
  public DeliverySettings(Language language, ZoneId zone) {
    this.language = language;
    this.zone = zone;
    this.lessonTime = DEFAULT_LESSON_TIME;
    this.quizTime = DEFAULT_QUIZ_TIME;
  }

  public Language language() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public ZoneId zone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public LocalTime lessonTime() {
    return lessonTime;
  }

  public void setLessonTime(LocalTime time) {
    this.lessonTime = time;
  }

  public LocalTime quizTime() {
    return quizTime;
  }

  public void setQuizTime(LocalTime time) {
    this.quizTime = time;
  }
}
