package io.studybot.core.i18n;

import io.studybot.content.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The bot's strings from {@code i18n/messages_zh.properties} and {@code messages_en.properties}
 * (UTF-8). Placeholders are {@code {0}}, {@code {1}}…, replaced literally, so apostrophes in
 * English need no escaping.
 */
public final class Messages {
  private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);

  public Messages() {
    for (Language language : Language.values()) {
      bundles.put(language, load("i18n/messages_" + language.code() + ".properties"));
    }
  }

  public String get(Language language, String key, Object... args) {
    String template = Objects.requireNonNull(bundles.get(language)).getProperty(key);
    if (template == null) {
      throw new MissingResourceException("no message " + key, "Messages", key);
    }
    for (int i = 0; i < args.length; i++) {
      template = template.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return template;
  }

  public Set<String> keys(Language language) {
    return Objects.requireNonNull(bundles.get(language)).stringPropertyNames();
  }

  private static Properties load(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
