package io.studybot.core.study;

import io.studybot.content.Language;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a language as its code; an unknown code (from a newer version) reads as English. */
@Converter(autoApply = true)
public class LanguageConverter implements AttributeConverter<Language, String> {
  @Override
  public String convertToDatabaseColumn(Language language) {
    return language == null ? null : language.code();
  }

  @Override
  public Language convertToEntityAttribute(String code) {
    return code == null ? null : Language.fromTag(code).orElse(Language.EN);
  }
}
