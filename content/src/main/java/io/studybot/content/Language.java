package io.studybot.content;

import java.util.Locale;
import java.util.Optional;

/** The languages every learner-facing text exists in. Chinese is the curriculum's primary one. */
public enum Language {
  ZH("zh"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Parses "zh", "zh-CN", "en_US", "EN" and the like; empty when it is neither language. */
  public static Optional<Language> fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String lower = tag.trim().toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (lower.equals(language.code)
          || lower.startsWith(language.code + "-")
          || lower.startsWith(language.code + "_")) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
