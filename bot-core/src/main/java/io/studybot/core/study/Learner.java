package io.studybot.core.study;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One person who studies, with their settings and streak. */
@Entity
@Table(name = "learner")
public class Learner {
  public static final LocalTime DEFAULT_LESSON_TIME = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_QUIZ_TIME = LocalTime.of(20, 0);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "display_name", nullable = false)
  private String displayName;

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

  private @Nullable String awaiting;

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

  @Column(name = "home_chat_platform")
  private @Nullable String homeChatPlatform;

  @Column(name = "home_chat_id")
  private @Nullable String homeChatId;

  @Column(name = "last_seen_at")
  private @Nullable Instant lastSeenAt;

  @Column(name = "paused_on")
  private @Nullable LocalDate pausedOn;

  @Column(nullable = false)
  private boolean dormant;

  protected Learner() {}

  public Learner(String displayName, Language language, ZoneId zone, Instant createdAt) {
    this.displayName = displayName;
    this.language = language.code();
    this.zone = zone.getId();
    this.lessonTime = DEFAULT_LESSON_TIME;
    this.quizTime = DEFAULT_QUIZ_TIME;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public void rename(String name) {
    this.displayName = name;
  }

  public Language language() {
    return Language.fromTag(language).orElse(Language.EN);
  }

  public void setLanguage(Language language) {
    this.language = language.code();
  }

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public void setZone(ZoneId zone) {
    this.zone = zone.getId();
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

  public boolean paused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  public Optional<Awaiting> awaiting() {
    return Optional.ofNullable(awaiting).map(Awaiting::valueOf);
  }

  public void await(@Nullable Awaiting input) {
    this.awaiting = input == null ? null : input.name();
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
    return homeChatId == null
        ? Optional.empty()
        : Optional.of(
            new ChatRef(
                Platform.valueOf(Objects.requireNonNull(homeChatPlatform)),
                homeChatId,
                ChatKind.PRIVATE));
  }

  /** Records a private chat as home; true when it changed. */
  public boolean moveHome(ChatRef chat) {
    if (chat.platform().name().equals(homeChatPlatform) && chat.id().equals(homeChatId)) {
      return false;
    }
    homeChatPlatform = chat.platform().name();
    homeChatId = chat.id();
    return true;
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

  /** Whether daily deliveries should go out. */
  public boolean receivesDeliveries() {
    return !paused && !dormant && homeChat().isPresent();
  }
}
