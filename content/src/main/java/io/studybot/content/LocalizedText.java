package io.studybot.content;

import static java.util.Objects.requireNonNull;

/** A text in both languages. A language-neutral text (a number, a code fragment) holds it twice. */
public record LocalizedText(String zh, String en) {

  public LocalizedText {
    requireNonNull(zh, "zh");
    requireNonNull(en, "en");
  }

  public static LocalizedText same(String text) {
    return new LocalizedText(text, text);
  }

  public String in(Language language) {
    return language == Language.ZH ? zh : en;
  }
}
