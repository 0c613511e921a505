package io.studybot.core.schedule;

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

/** When a learner's or a group's daily lesson or quiz falls due next, and where it goes. */
@Entity
@Table(name = "delivery_schedule")
public class DeliverySchedule {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "learner_id")
  private @Nullable Long learnerId;

  @Column(name = "group_id")
  private @Nullable Long groupId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String zone;

  @Column(name = "local_time", nullable = false)
  private LocalTime localTime;

  @Column(name = "chat_platform", nullable = false)
  private String chatPlatform;

  @Column(name = "chat_id", nullable = false)
  private String chatId;

  @Column(name = "chat_kind", nullable = false)
  private String chatKind;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "next_due", nullable = false)
  private Instant nextDue;

  @Column(name = "last_local_date")
  private @Nullable LocalDate lastLocalDate;

  protected DeliverySchedule() {}

  // configure() sets where and when before the row is saved.
  @SuppressWarnings("NullAway.Init")
  private DeliverySchedule(@Nullable Long learnerId, @Nullable Long groupId, DeliveryKind kind) {
    this.learnerId = learnerId;
    this.groupId = groupId;
    this.kind = kind.name();
  }

  public static DeliverySchedule forLearner(Long learnerId, DeliveryKind kind) {
    return new DeliverySchedule(learnerId, null, kind);
  }

  public static DeliverySchedule forGroup(Long groupId, DeliveryKind kind) {
    return new DeliverySchedule(null, groupId, kind);
  }

  /**
   * Sets where and when the delivery goes. The due instant is recomputed when the zone or the time
   * changed or the row wakes up, never onto a local day that already had its delivery.
   */
  public void configure(ZoneId zone, LocalTime time, ChatRef chat, boolean active, Instant now) {
    boolean retime =
        nextDue == null
            || !Objects.equals(this.zone, zone.getId())
            || !time.equals(localTime)
            || (active && !this.active);
    this.zone = zone.getId();
    this.localTime = time;
    this.chatPlatform = chat.platform().name();
    this.chatId = chat.id();
    this.chatKind = chat.kind().name();
    this.active = active;
    if (retime) {
      // A new row starts with the next occurrence; a changed one still gets today's delivery.
      nextDue =
          nextDue == null
              ? DueTimes.next(time, zone, now, Optional.ofNullable(lastLocalDate))
              : DueTimes.afterChange(time, zone, now, Optional.ofNullable(lastLocalDate));
    }
  }

  public DeliveryKind kind() {
    return DeliveryKind.valueOf(kind);
  }

  public boolean active() {
    return active;
  }

  public Instant nextDue() {
    return nextDue;
  }

  public ChatRef chat() {
    return new ChatRef(Platform.valueOf(chatPlatform), chatId, ChatKind.valueOf(chatKind));
  }
}
