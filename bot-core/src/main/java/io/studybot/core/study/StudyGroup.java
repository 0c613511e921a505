package io.studybot.core.study;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A group chat that studies together, with its own course position, language and schedule. */
@Entity
@Table(name = "study_group")
public class StudyGroup extends StoredEntity implements Taught {
  @Embedded
  @AttributeOverride(name = "platform", column = @Column(name = "platform", nullable = false))
  @AttributeOverride(name = "chatId", column = @Column(name = "chat_id", nullable = false))
  private ChatAddress chat;

  /** The forum topic the daily posts go to; null for the chat's main thread. */
  @Column(name = "chat_topic")
  private @Nullable String topic;

  @Column(name = "chat_server")
  private @Nullable String server;

  @Embedded private DeliverySettings settings;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean subscribed;

  @Column(nullable = false)
  private boolean removed;

  protected StudyGroup() {}

  public StudyGroup(ChatRef chat, Language language, ZoneId zone, Instant createdAt) {
    this.chat = new ChatAddress(chat);
    this.server = chat.server();
    this.settings = new DeliverySettings(language, zone);
    this.createdAt = createdAt;
  }

  public StudyOwner owner() {
    return StudyOwner.group(id());
  }

  public ChatRef chat() {
    return chat.as(ChatKind.GROUP).inTopic(topic).onServer(server);
  }

  /** Daily posts go to this topic of the chat from now on (null: the main thread). */
  public void postIn(@Nullable String newTopic) {
    this.topic = newTopic;
  }

  /** The server the chat belongs to, when the platform says (groups stored before learn it). */
  public void onServer(@Nullable String newServer) {
    if (newServer != null) {
      this.server = newServer;
    }
  }

  /** The platform gave the chat a new id (a Telegram group upgraded to a supergroup). */
  public void movedTo(String newChatId) {
    this.chat = new ChatAddress(chat().withId(newChatId));
  }

  @Override
  public DeliverySettings settings() {
    return settings;
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

  /** The bot was removed from the chat: no more posts, and the next command there says so. */
  public void removed() {
    this.subscribed = false;
    this.removed = true;
  }

  /** Whether the bot is back after a removal and has not said so yet; true once only. */
  public boolean backAfterRemoval() {
    boolean back = removed;
    removed = false;
    return back;
  }
}
