package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A stage of the curriculum, in learning order. */
public record Phase(String id, LocalizedText title, List<Topic> topics) {

  public Phase {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    topics = List.copyOf(topics);
  }
}
