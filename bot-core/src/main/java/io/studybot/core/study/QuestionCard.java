package io.studybot.core.study;

import io.studybot.core.review.CardState;
import io.studybot.core.review.ReviewCard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A learner's review card for one question: its FSRS state and when it is due again. */
@Entity
@Table(name = "review_card")
public class QuestionCard extends StoredEntity {
  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "curriculum_id", nullable = false)
  private String curriculumId;

  @Column(name = "topic_id", nullable = false)
  private String topicId;

  @Column(name = "question_id", nullable = false)
  private String questionId;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private CardState state;

  @Column(nullable = false)
  private int step;

  @Column(nullable = false)
  private double stability;

  @Column(nullable = false)
  private double difficulty;

  @Column(nullable = false)
  private Instant due;

  @Column(name = "last_review")
  private @Nullable Instant lastReview;

  @Column(nullable = false)
  private int reps;

  @Column(nullable = false)
  private int lapses;

  @Column(name = "scheduled_days", nullable = false)
  private int scheduledDays;

  @Column(name = "elapsed_days", nullable = false)
  private int elapsedDays;

  protected QuestionCard() {}

  // update(card) sets every column.
  @SuppressWarnings("NullAway.Init")
  public QuestionCard(
      Long learnerId, String curriculumId, String topicId, String questionId, ReviewCard card) {
    this.learnerId = learnerId;
    this.curriculumId = curriculumId;
    this.topicId = topicId;
    this.questionId = questionId;
    update(card);
  }

  public String topicId() {
    return topicId;
  }

  public String questionId() {
    return questionId;
  }

  public Instant due() {
    return due;
  }

  public ReviewCard card() {
    return new ReviewCard(
        state,
        step,
        stability,
        difficulty,
        due,
        lastReview,
        reps,
        lapses,
        scheduledDays,
        elapsedDays);
  }

  public void update(ReviewCard card) {
    this.state = card.state();
    this.step = card.step();
    this.stability = card.stability();
    this.difficulty = card.difficulty();
    this.due = card.due();
    this.lastReview = card.lastReview();
    this.reps = card.reps();
    this.lapses = card.lapses();
    this.scheduledDays = card.scheduledDays();
    this.elapsedDays = card.elapsedDays();
  }
}
