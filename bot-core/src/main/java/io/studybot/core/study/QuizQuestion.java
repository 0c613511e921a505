package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A question as delivered in a quiz; its id is what the answer buttons carry. */
@Entity
@Table(name = "quiz_question")
public class QuizQuestion extends StoredEntity {
  @Column(name = "quiz_id", nullable = false)
  private Long quizId;

  @Column(nullable = false)
  private int ordinal;

  @Column(name = "topic_id", nullable = false)
  private String topicId;

  @Column(name = "question_id", nullable = false)
  private String questionId;

  @Column(nullable = false)
  private boolean review;

  protected QuizQuestion() {}

  public QuizQuestion(Long quizId, int ordinal, QuestionRef question) {
    this.quizId = quizId;
    this.ordinal = ordinal;
    this.topicId = question.topicId();
    this.questionId = question.questionId();
    this.review = question.review();
  }

  public Long quizId() {
    return quizId;
  }

  public int ordinal() {
    return ordinal;
  }

  public String questionId() {
    return questionId;
  }

  public String topicId() {
    return topicId;
  }

  /** Whether it came back for spaced review rather than with the day's topic. */
  public boolean review() {
    return review;
  }
}
