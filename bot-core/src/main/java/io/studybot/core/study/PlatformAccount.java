package io.studybot.core.study;

import io.studybot.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A learner's identity on one platform. */
@Entity
@Table(name = "platform_account")
public class PlatformAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String platform;

  @Column(name = "external_id", nullable = false)
  private String externalId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  protected PlatformAccount() {}

  public PlatformAccount(Platform platform, String externalId, Long learnerId) {
    this.platform = platform.name();
    this.externalId = externalId;
    this.learnerId = learnerId;
  }

  public Platform platform() {
    return Platform.valueOf(platform);
  }

  public String externalId() {
    return externalId;
  }

  public Long learnerId() {
    return learnerId;
  }
}
