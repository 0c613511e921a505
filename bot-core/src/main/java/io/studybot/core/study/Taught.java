package io.studybot.core.study;

import io.studybot.content.Language;
import java.time.LocalTime;
import java.time.ZoneId;

/** Someone taught on a schedule, a learner or a group: their language, zone and times. */
public interface Taught {

  /** The settings; changes to them are stored with their owner. */
  DeliverySettings settings();

  default Language language() {
    return settings().language();
  }

  default ZoneId zone() {
    return settings().zone();
  }

  default LocalTime lessonTime() {
    return settings().lessonTime();
  }

  default LocalTime quizTime() {
    return settings().quizTime();
  }
}
