package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A quiz question with its options and the explanation shown after an answer. */
public record Question(
    String id,
    QuestionKind kind,
    LocalizedText prompt,
    Optional<String> code,
    List<Choice> choices,
    LocalizedText explanation,
    Origin origin) {

  public Question {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(prompt, "prompt");
    requireNonNull(code, "code");
    choices = List.copyOf(choices);
    requireNonNull(explanation, "explanation");
    requireNonNull(origin, "origin");
  }

  /** The index of the right option; a loaded, validated question has exactly one. */
  public int correctIndex() {
    for (int i = 0; i < choices.size(); i++) {
      if (choices.get(i).correct()) {
        return i;
      }
    }
    throw new IllegalStateException("question " + id + " has no correct option");
  }

  public boolean hasCode() {
    return code.isPresent();
  }
}
