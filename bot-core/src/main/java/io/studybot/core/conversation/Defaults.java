package io.studybot.core.conversation;

import io.studybot.content.Language;
import java.time.ZoneId;
import java.util.Optional;

/** Settings a learner gets before they choose: taken from the platform's language hint. */
final class Defaults {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private Defaults() {}

  static Language languageFor(Optional<String> hint) {
    return hint.flatMap(Language::fromTag).orElse(Language.EN);
  }

  /**
   * Chinese speakers mostly live on China Standard Time; for everyone else UTC is the safe guess.
   */
  static ZoneId zoneFor(Language language) {
    return language == Language.ZH ? CHINA : UTC;
  }
}
