package io.studybot.content;

import static java.util.Objects.requireNonNull;

/**
 * One answer option of a question. A {@code pinned} option ("all of the above", "none of these")
 * keeps its place at the end when the options are shuffled.
 */
public record Choice(LocalizedText text, boolean correct, boolean pinned) {

  public Choice {
    requireNonNull(text, "text");
  }

  public Choice(LocalizedText text, boolean correct) {
    this(text, correct, false);
  }
}
