package io.studybot.core.study;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

  @Embedded
  @AttributeOverride(name = "platform", column = @Column(name = "platform", nullable = false))
  @AttributeOverride(name = "chatId", column = @Column(name = "chat_id", nullable = false))
  private ChatAddress chat;

  @Embedded private DeliverySettings settings;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean subscribed;

  protected StudyGroup() {}

  public StudyGroup(ChatRef chat, Language language, ZoneId zone, Instant createdAt) {
    this.chat = new ChatAddress(chat);
    this.settings = new DeliverySettings(language, zone);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public StudyOwner owner() {
    return StudyOwner.group(id);
  }

  public ChatRef chat() {
    return chat.as(ChatKind.GROUP);
  }

  public DeliverySettings settings() {
    return settings;
  }

  public Language language() {
    return settings.language();
  }

  public ZoneId zone() {
    return settings.zone();
  }

  public LocalTime lessonTime() {
    return settings.lessonTime();
  }

  public LocalTime quizTime() {
    return settings.quizTime();
  }

  public boolean subscribed() {
    return subscribed;
  }

  /** Daily posts into the group from now on, at these local times in this zone. */
  public void subscribe(LocalTime lesson, LocalTime quiz, ZoneId zone) {
    settings.setLessonTime(lesson);
    settings.setQuizTime(quiz);
    settings.setZone(zone);
    this.subscribed = true;
  }

  public void unsubscribe() {
    this.subscribed = false;
  }
}
