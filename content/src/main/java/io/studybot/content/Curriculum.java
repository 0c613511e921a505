package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A course: phases of topics in the order a learner takes them, one topic a day. */
public record Curriculum(
    String id, LocalizedText title, List<Phase> phases, QuizLimits quizLimits) {

  public Curriculum {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    phases = List.copyOf(phases);
    requireNonNull(quizLimits, "quizLimits");
  }

  /** A course held to the default quiz limits. */
  public Curriculum(String id, LocalizedText title, List<Phase> phases) {
    this(id, title, phases, QuizLimits.DEFAULT);
  }

  /** Every topic in learning order. */
  public List<Topic> topics() {
    return phases.stream().flatMap(phase -> phase.topics().stream()).toList();
  }

  public Optional<Topic> topic(String topicId) {
    return topics().stream().filter(topic -> topic.id().equals(topicId)).findFirst();
  }

  /** The topic at a position in learning order, if the curriculum is that long. */
  public Optional<Topic> topicAt(int position) {
    List<Topic> topics = topics();
    return position >= 0 && position < topics.size()
        ? Optional.of(topics.get(position))
        : Optional.empty();
  }

  /** The index of the phase that holds the topic, if any does. */
  public OptionalInt phaseIndexOf(Topic topic) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).topics().contains(topic)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  public Map<String, Topic> topicsById() {
    return topics().stream()
        .collect(Collectors.toMap(Topic::id, Function.identity(), (first, second) -> first));
  }

  public long questionCount() {
    return topics().stream().mapToLong(topic -> topic.questions().size()).sum();
  }

  public long codeQuestionCount() {
    return topics().stream()
        .flatMap(topic -> topic.questions().stream())
        .filter(Question::hasCode)
        .count();
  }
}
