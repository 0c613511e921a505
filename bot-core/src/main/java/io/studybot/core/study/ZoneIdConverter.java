package io.studybot.core.study;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** Stores a time zone as its IANA id. */
@Converter(autoApply = true)
public class ZoneIdConverter implements AttributeConverter<ZoneId, String> {
  @Override
  public @Nullable String convertToDatabaseColumn(@Nullable ZoneId zone) {
    return zone == null ? null : zone.getId();
  }

  @Override
  public @Nullable ZoneId convertToEntityAttribute(@Nullable String id) {
    return id == null ? null : ZoneId.of(id);
  }
}
