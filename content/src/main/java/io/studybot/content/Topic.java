package io.studybot.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One day's study: a lesson and the questions on it. {@code seeds} name the roadmap bullets the
 * topic covers; {@code requires} names topics it builds on.
 */
public record Topic(
    String id,
    LocalizedText title,
    List<String> seeds,
    List<String> requires,
    Lesson lesson,
    List<Question> questions,
    Origin origin) {

  public Topic {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    seeds = List.copyOf(seeds);
    requires = List.copyOf(requires);
    requireNonNull(lesson, "lesson");
    questions = List.copyOf(questions);
    requireNonNull(origin, "origin");
  }

  public Question question(String questionId) {
    return findQuestion(questionId)
        .orElseThrow(() -> new IllegalArgumentException("no question " + questionId + " in " + id));
  }

  /** The question with this id, if the topic (still) has it. */
  public Optional<Question> findQuestion(String questionId) {
    return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
  }
}
