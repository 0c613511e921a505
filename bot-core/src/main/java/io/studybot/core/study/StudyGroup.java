package io.studybot.core.study;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A group chat that studies together, with its own course position, language and schedule. */
@Entity
@Table(name = "study_group")
public class StudyGroup {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String platform;

  @Column(name = "chat_id", nullable = false)
  private String chatId;

  @Column(nullable = false)
  private String language;

  @Column(nullable = false)
  private String zone;

  @Column(name = "lesson_time", nullable = false)
  private LocalTime lessonTime;

  @Column(name = "quiz_time", nullable = false)
  private LocalTime quizTime;

  @Column(nullable = false)
  private boolean paused;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean subscribed;

  protected StudyGroup() {}

  public StudyGroup(ChatRef chat, Language language, ZoneId zone, Instant createdAt) {
    this.platform = chat.platform().name();
    this.chatId = chat.id();
    this.language = language.code();
    this.zone = zone.getId();
    this.lessonTime = Learner.DEFAULT_LESSON_TIME;
    this.quizTime = Learner.DEFAULT_QUIZ_TIME;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public Platform platform() {
    return Platform.valueOf(platform);
  }

  public String chatId() {
    return chatId;
  }

  public Language language() {
    return Language.fromTag(language).orElse(Language.EN);
  }

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public boolean paused() {
    return paused;
  }

  public LocalTime lessonTime() {
    return lessonTime;
  }

  public LocalTime quizTime() {
    return quizTime;
  }

  public boolean subscribed() {
    return subscribed;
  }

  public ChatRef chat() {
    return new ChatRef(Platform.valueOf(platform), chatId, io.studybot.core.chat.ChatKind.GROUP);
  }

  /** Daily posts into the group from now on, at these local times in this zone. */
  public void subscribe(LocalTime lesson, LocalTime quiz, ZoneId zone) {
    this.lessonTime = lesson;
    this.quizTime = quiz;
    this.zone = zone.getId();
    this.subscribed = true;
  }

  public void unsubscribe() {
    this.subscribed = false;
  }
}
