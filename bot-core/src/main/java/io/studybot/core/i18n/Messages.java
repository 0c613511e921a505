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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's strings from {@code i18n/messages_zh.properties} and {@code messages_en.properties}
 * (UTF-8). Placeholders are {@code {0}}, {@code {1}}…, replaced literally, so apostrophes in
 * English need no escaping; {@code {0|day|days}} writes a count with the word that agrees with it.
 */
public final class Messages {
  private static final Pattern COUNTED = Pattern.compile("\\{(\\d)\\|([^|}]*)\\|([^}]*)}");

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
    return counted(template, args);
  }

  /** {@code {0|day|days}}: the number, and the word in the form that agrees with it. */
  private static String counted(String template, Object[] args) {
    if (template.indexOf('|') < 0) {
      return template;
    }
    Matcher counted = COUNTED.matcher(template);
    StringBuilder out = new StringBuilder();
    while (counted.find()) {
      int index = Integer.parseInt(counted.group(1));
      Object value = index < args.length ? args[index] : "?";
      boolean one = value instanceof Number number && number.longValue() == 1;
      String word = one ? counted.group(2) : counted.group(3);
      counted.appendReplacement(out, Matcher.quoteReplacement(value + " " + word));
    }
    counted.appendTail(out);
    return out.toString();
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
