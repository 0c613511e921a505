package io.studybot.core.study;

import io.studybot.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A learner's identity on one platform. */
@Entity
@Table(name = "platform_account")
public class PlatformAccount extends StoredEntity {
  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Platform platform;

  @Column(name = "external_id", nullable = false)
  private String externalId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  protected PlatformAccount() {}

  public PlatformAccount(Platform platform, String externalId, Long learnerId) {
    this.platform = platform;
    this.externalId = externalId;
    this.learnerId = learnerId;
  }

  public Platform platform() {
    return platform;
  }

  public String externalId() {
    return externalId;
  }

  public Long learnerId() {
    return learnerId;
  }
}
