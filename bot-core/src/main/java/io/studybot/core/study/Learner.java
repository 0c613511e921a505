package io.studybot.core.study;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One person who studies, with their settings and streak. */
@Entity
@Table(name = "learner")
public class Learner extends StoredEntity implements Taught {
  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Embedded private DeliverySettings settings;

  @Column(nullable = false)
  private boolean paused;

  @Enumerated(EnumType.STRING)
  private @Nullable Awaiting awaiting;

  @Column(nullable = false)
  private boolean onboarded;

  @Column(name = "streak_current", nullable = false)
  private int streakCurrent;

  @Column(name = "streak_best", nullable = false)
  private int streakBest;

  @Column(name = "streak_last_day")
  private @Nullable LocalDate streakLastDay;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded
  @AttributeOverride(name = "platform", column = @Column(name = "home_chat_platform"))
  @AttributeOverride(name = "chatId", column = @Column(name = "home_chat_id"))
  private @Nullable ChatAddress homeChat;

  @Column(name = "last_seen_at")
  private @Nullable Instant lastSeenAt;

  @Column(name = "paused_on")
  private @Nullable LocalDate pausedOn;

  @Column(nullable = false)
  private boolean dormant;

  @Column(nullable = false)
  private boolean hidden;

  protected Learner() {}

  public Learner(String displayName, Language language, ZoneId zone, Instant createdAt) {
    this.displayName = displayName;
    this.settings = new DeliverySettings(language, zone);
    this.createdAt = createdAt;
  }

  public StudyOwner owner() {
    return StudyOwner.learner(id());
  }

  public String displayName() {
    return displayName;
  }

  public void rename(String name) {
    this.displayName = name;
  }

  /** Language, zone and times; changes to them are stored with the learner. */
  @Override
  public DeliverySettings settings() {
    return settings;
  }

  public boolean paused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  public Optional<Awaiting> awaiting() {
    return Optional.ofNullable(awaiting);
  }

  /** The answer the bot now waits for in typed text. */
  public void await(Awaiting input) {
    this.awaiting = input;
  }

  /** The bot waits for no typed answer any more. */
  public void stopAwaiting() {
    this.awaiting = null;
  }

  public boolean onboarded() {
    return onboarded;
  }

  public void finishOnboarding() {
    this.onboarded = true;
  }

  public Streak streak() {
    return new Streak(streakCurrent, streakBest, Optional.ofNullable(streakLastDay));
  }

  public void setStreak(Streak streak) {
    this.streakCurrent = streak.current();
    this.streakBest = streak.best();
    this.streakLastDay = streak.lastDay().orElse(null);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The private chat daily deliveries go to: where the learner last wrote to the bot privately. */
  public Optional<ChatRef> homeChat() {
    return Optional.ofNullable(homeChat).map(home -> home.as(ChatKind.PRIVATE));
  }

  /** Records a private chat as home; true when it changed. */
  public boolean moveHome(ChatRef chat) {
    if (homeChat != null && homeChat.is(chat)) {
      return false;
    }
    homeChat = new ChatAddress(chat);
    return true;
  }

  /** No private chat is home any more: another learner took it over. */
  public void leaveHome() {
    homeChat = null;
  }

  public Optional<Instant> lastSeenAt() {
    return Optional.ofNullable(lastSeenAt);
  }

  public void seen(Instant now) {
    this.lastSeenAt = now;
  }

  public Optional<LocalDate> pausedOn() {
    return Optional.ofNullable(pausedOn);
  }

  public void pause(LocalDate today) {
    this.paused = true;
    this.pausedOn = today;
  }

  /** Ends a pause; the streak skips over up to {@code maxFrozenDays} paused days. */
  public void resume(LocalDate today, int maxFrozenDays) {
    if (paused && pausedOn != null) {
      long pausedDays =
          Math.min(java.time.temporal.ChronoUnit.DAYS.between(pausedOn, today), maxFrozenDays);
      setStreak(streak().shiftedBy(pausedDays));
    }
    this.paused = false;
    this.pausedOn = null;
  }

  /** Silent too long: deliveries stopped until the learner writes again. */
  public boolean dormant() {
    return dormant;
  }

  public void setDormant(boolean dormant) {
    this.dormant = dormant;
  }

  /** Whether the learner keeps out of group leaderboards and digests. */
  public boolean hidden() {
    return hidden;
  }

  public void setHidden(boolean hidden) {
    this.hidden = hidden;
  }

  /** Whether daily deliveries should go out. */
  public boolean receivesDeliveries() {
    return !paused && !dormant && homeChat().isPresent();
  }
}
