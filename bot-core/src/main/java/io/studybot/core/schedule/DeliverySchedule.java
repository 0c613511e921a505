package io.studybot.core.schedule;

import static java.util.Objects.requireNonNull;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.study.StudyOwner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a learner's or a group's daily lesson or quiz falls due next, and where it goes. The
 * dispatch tick moves {@code nextDue} on; the conversation changes the rest through {@link
 * #configure}.
 */
public final class DeliverySchedule {
  private final @Nullable Long id;
  private final StudyOwner owner;
  private final DeliveryKind kind;
  private ZoneId zone;
  private LocalTime localTime;
  private ChatRef chat;
  private boolean active;
  private Instant nextDue;
  private final Optional<LocalDate> lastLocalDate;

  /** A row as stored; {@code id} is null for one not stored yet. */
  public DeliverySchedule(
      @Nullable Long id,
      StudyOwner owner,
      DeliveryKind kind,
      ZoneId zone,
      LocalTime localTime,
      ChatRef chat,
      boolean active,
      Instant nextDue,
      Optional<LocalDate> lastLocalDate) {
    this.id = id;
    this.owner = requireNonNull(owner, "owner");
    this.kind = requireNonNull(kind, "kind");
    this.zone = requireNonNull(zone, "zone");
    this.localTime = requireNonNull(localTime, "localTime");
    this.chat = requireNonNull(chat, "chat");
    this.active = active;
    this.nextDue = requireNonNull(nextDue, "nextDue");
    this.lastLocalDate = requireNonNull(lastLocalDate, "lastLocalDate");
  }

  /** A new row, due at the next occurrence of {@code time}. */
  public static DeliverySchedule create(
      StudyOwner owner,
      DeliveryKind kind,
      ZoneId zone,
      LocalTime time,
      ChatRef chat,
      boolean active,
      Instant now) {
    Instant due = DueTimes.next(time, zone, now, Optional.empty());
    return new DeliverySchedule(null, owner, kind, zone, time, chat, active, due, Optional.empty());
  }

  /**
   * Sets where and when the delivery goes. The due instant is recomputed when the zone or the time
   * changed or the row wakes up, never onto a local day that already had its delivery; a changed
   * row still gets today's delivery if its new time has passed.
   */
  public void configure(ZoneId zone, LocalTime time, ChatRef chat, boolean active, Instant now) {
    boolean retime = !this.zone.equals(zone) || !time.equals(localTime) || (active && !this.active);
    this.zone = zone;
    this.localTime = time;
    this.chat = chat;
    this.active = active;
    if (retime) {
      nextDue = DueTimes.afterChange(time, zone, now, lastLocalDate);
    }
  }

  /**
   * Moves the due instant to the next occurrence of the local time after {@code now}, on a local
   * date later than {@code taken} if given: the delivery of a day that already had it by other
   * means is not sent that day.
   */
  public void dueNext(Instant now, Optional<LocalDate> taken) {
    nextDue = DueTimes.next(localTime, zone, now, taken);
  }

  public Optional<Long> id() {
    return Optional.ofNullable(id);
  }

  public StudyOwner owner() {
    return owner;
  }

  public DeliveryKind kind() {
    return kind;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime localTime() {
    return localTime;
  }

  public ChatRef chat() {
    return chat;
  }

  public boolean active() {
    return active;
  }

  public Instant nextDue() {
    return nextDue;
  }

  public Optional<LocalDate> lastLocalDate() {
    return lastLocalDate;
  }
}
