package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A course: phases of topics in the order a learner takes them, one topic a day. Immutable; its
 * topics are listed and indexed once, since every answer looks its question up.
 */
public final class Curriculum {
  private final String id;
  private final LocalizedText title;
  private final List<Phase> phases;
  private final QuizLimits quizLimits;
  private final List<Topic> topics;
  private final Map<String, Topic> byId;

  public Curriculum(String id, LocalizedText title, List<Phase> phases, QuizLimits quizLimits) {
    this.id = requireNonNull(id, "id");
    this.title = requireNonNull(title, "title");
    this.phases = List.copyOf(phases);
    this.quizLimits = requireNonNull(quizLimits, "quizLimits");
    this.topics = this.phases.stream().flatMap(phase -> phase.topics().stream()).toList();
    Map<String, Topic> index = new LinkedHashMap<>();
    topics.forEach(topic -> index.putIfAbsent(topic.id(), topic)); // the first of a repeated id
    this.byId = Collections.unmodifiableMap(index);
  }

  /** A course held to the default quiz limits. */
  public Curriculum(String id, LocalizedText title, List<Phase> phases) {
    this(id, title, phases, QuizLimits.DEFAULT);
  }

  public String id() {
    return id;
  }

  public LocalizedText title() {
    return title;
  }

  public List<Phase> phases() {
    return phases;
  }

  public QuizLimits quizLimits() {
    return quizLimits;
  }

  /** Every topic in learning order. */
  public List<Topic> topics() {
    return topics;
  }

  public Optional<Topic> topic(String topicId) {
    return Optional.ofNullable(byId.get(topicId));
  }

  /** The topic at a position in learning order, if the curriculum is that long. */
  public Optional<Topic> topicAt(int position) {
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
    return byId;
  }

  public long questionCount() {
    return topics.stream().mapToLong(topic -> topic.questions().size()).sum();
  }

  public long codeQuestionCount() {
    return topics.stream()
        .flatMap(topic -> topic.questions().stream())
        .filter(Question::hasCode)
        .count();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Curriculum that
        && id.equals(that.id)
        && title.equals(that.title)
        && phases.equals(that.phases)
        && quizLimits.equals(that.quizLimits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, phases, quizLimits);
  }

  @Override
  public String toString() {
    return "Curriculum[id=" + id + ", topics=" + topics.size() + "]";
  }
}
