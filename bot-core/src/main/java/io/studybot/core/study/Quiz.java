package io.studybot.core.study;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Questions on one topic delivered into a chat on a local day. */
@Entity
@Table(name = "quiz")
public class Quiz extends StoredEntity {
  @Column(name = "enrollment_id", nullable = false)
  private Long enrollmentId;

  @Column(name = "topic_id", nullable = false)
  private String topicId;

  @Embedded
  @AttributeOverride(name = "platform", column = @Column(name = "chat_platform", nullable = false))
  @AttributeOverride(name = "chatId", column = @Column(name = "chat_id", nullable = false))
  private ChatAddress chat;

  @Column(name = "local_day", nullable = false)
  private LocalDate localDay;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean closed;

  @Column(nullable = false)
  private boolean review;

  protected Quiz() {}

  /** A quiz of due reviews only. */
  public static Quiz ofReviews(
      Long enrollmentId, String currentTopicId, ChatRef chat, LocalDate localDay, Instant now) {
    Quiz quiz = new Quiz(enrollmentId, currentTopicId, chat, localDay, now);
    quiz.review = true;
    return quiz;
  }

  public Quiz(Long enrollmentId, String topicId, ChatRef chat, LocalDate localDay, Instant now) {
    this.enrollmentId = enrollmentId;
    this.topicId = topicId;
    this.chat = new ChatAddress(chat);
    this.localDay = localDay;
    this.createdAt = now;
  }

  public Long enrollmentId() {
    return enrollmentId;
  }

  public String topicId() {
    return topicId;
  }

  /** The chat it was delivered into; a quiz in a group is open to every member. */
  public boolean deliveredTo(ChatRef chat) {
    return this.chat.is(chat);
  }

  public ChatRef chat(ChatKind kind) {
    return chat.as(kind);
  }

  /** The local day it was made for, in its owner's calendar. */
  public LocalDate localDay() {
    return localDay;
  }

  public boolean review() {
    return review;
  }

  public boolean closed() {
    return closed;
  }

  public void close() {
    this.closed = true;
  }
}
