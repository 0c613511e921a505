package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A lesson: why the idea matters, its key points, an optional code example and further reading.
 * Texts may mark {@code inline code} with backticks; the code example is shown verbatim, in a
 * version per language whose comments are in that language (the code itself is the same).
 */
public record Lesson(
    LocalizedText intro,
    List<LocalizedText> points,
    Optional<LocalizedText> code,
    List<Link> links) {

  public Lesson {
    requireNonNull(intro, "intro");
    points = List.copyOf(points);
    requireNonNull(code, "code");
    links = List.copyOf(links);
  }

  /** The characters a learner reads in one language, the measure the length rules use. */
  public int length(Language language) {
    int length = intro.in(language).length();
    for (LocalizedText point : points) {
      length += point.in(language).length();
    }
    return length + code.map(example -> example.in(language).length()).orElse(0);
  }
}
