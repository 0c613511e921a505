package io.studybot.core.schedule;

import io.studybot.core.study.StudyOwner;
import java.util.Optional;

/**
 * Delivery schedule rows, inside one transaction. A row read here is locked until the transaction
 * ends, so the dispatch tick cannot move it on in between and have its move undone by a save.
 */
public interface DeliveryScheduleRepository {

  Optional<DeliverySchedule> find(StudyOwner owner, DeliveryKind kind);

  /** Inserts a new row or updates an existing one. */
  void save(DeliverySchedule schedule);
}
