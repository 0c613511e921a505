package io.studybot.core.study;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row with an id the database generates when the entity is first stored. */
@MappedSuperclass
public abstract class StoredEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The row's id; null until the entity is stored. */
  public Long id() {
    return id;
  }
}
