package io.studybot.content;

import static java.util.Objects.requireNonNull;

/** A pointer to further reading, usually official documentation. */
public record Link(LocalizedText title, String url) {

  public Link {
    requireNonNull(title, "title");
    requireNonNull(url, "url");
  }
}
