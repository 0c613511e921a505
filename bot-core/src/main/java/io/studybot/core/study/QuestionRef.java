package io.studybot.core.study;

import static java.util.Objects.requireNonNull;

/** A question of a curriculum to deliver: its topic, its id, and whether it comes as a review. */
public record QuestionRef(String topicId, String questionId, boolean review) {

  public QuestionRef {
    requireNonNull(topicId, "topicId");
    requireNonNull(questionId, "questionId");
  }
}
