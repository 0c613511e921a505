package io.studybot.content;

import static java.util.Objects.requireNonNull;

/** One answer option of a question. */
public record Choice(LocalizedText text, boolean correct) {

  public Choice {
    requireNonNull(text, "text");
  }
}
