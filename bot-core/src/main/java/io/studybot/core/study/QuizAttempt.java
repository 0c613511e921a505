package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A learner's one answer to a delivered question; choice {@value #MISSED} means unanswered. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends StoredEntity {
  public static final int MISSED = -1;

  @Column(name = "quiz_question_id", nullable = false)
  private Long quizQuestionId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(nullable = false)
  private int choice;

  @Column(nullable = false)
  private boolean correct;

  @Column(name = "answered_at", nullable = false)
  private Instant answeredAt;

  protected QuizAttempt() {}

  public QuizAttempt(
      Long quizQuestionId, Long learnerId, int choice, boolean correct, Instant answeredAt) {
    this.quizQuestionId = quizQuestionId;
    this.learnerId = learnerId;
    this.choice = choice;
    this.correct = correct;
    this.answeredAt = answeredAt;
  }

  public Long quizQuestionId() {
    return quizQuestionId;
  }

  public Long learnerId() {
    return learnerId;
  }

  public int choice() {
    return choice;
  }

  public boolean correct() {
    return correct;
  }

  public Instant answeredAt() {
    return answeredAt;
  }
}
