package io.studybot.core.study;

import io.studybot.content.Language;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores a language as its code; an unknown code (from a newer version) reads as English. */
@Converter(autoApply = true)
public class LanguageConverter implements AttributeConverter<Language, String> {
  @Override
  public @Nullable String convertToDatabaseColumn(@Nullable Language language) {
    return language == null ? null : language.code();
  }

  @Override
  public @Nullable Language convertToEntityAttribute(@Nullable String code) {
    return code == null ? null : Language.fromTag(code).orElse(Language.EN);
  }
}
