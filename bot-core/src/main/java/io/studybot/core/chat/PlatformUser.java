package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A person as a platform knows them: the platform's id for them, the name they show, and the
 * platform's hint of their language (such as Telegram's {@code language_code}), if any.
 */
public record PlatformUser(
    Platform platform, String externalId, String displayName, Optional<String> languageHint) {

  public PlatformUser {
    requireNonNull(platform, "platform");
    requireNonNull(externalId, "externalId");
    requireNonNull(displayName, "displayName");
    requireNonNull(languageHint, "languageHint");
    if (externalId.isBlank()) {
      throw new IllegalArgumentException("user id is blank");
    }
  }
}
