package io.studybot.core.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A placement test: a binary search over the topic positions of a curriculum for the first topic
 * the learner has not shown they know. That position lies in [{@link #low()}, {@link #high()}];
 * each probe asks up to {@link #QUESTIONS_PER_PROBE} questions of the topic in the middle. All of
 * them right moves the search forward past the probe, any wrong answer back to it. The search ends
 * when one position is left or {@link #MAX_QUESTIONS} would be exceeded. One question is on screen
 * at a time, and only an answer to it counts.
 */
@Entity
@Table(name = "placement")
public class Placement extends StoredEntity {
  public static final int QUESTIONS_PER_PROBE = 2;
  public static final int MAX_QUESTIONS = 15;

  @Column(name = "enrollment_id", nullable = false)
  private Long enrollmentId;

  @Column(name = "low_bound", nullable = false)
  private int low;

  @Column(name = "high_bound", nullable = false)
  private int high;

  @Column(nullable = false)
  private int asked;

  @Column(name = "answered_right", nullable = false)
  private int answeredRight;

  @Column(name = "probe_asked", nullable = false)
  private int probeAsked;

  @Column(name = "probe_right", nullable = false)
  private int probeRight;

  @Column(name = "topic_id")
  private @Nullable String topicId;

  @Column(name = "question_id")
  private @Nullable String questionId;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private @Nullable Instant finishedAt;

  protected Placement() {}

  /**
   * A new test over a course of {@code topics} topics. The last topic is never tested out, so even
   * a learner who knows everything starts on it.
   */
  public Placement(Long enrollmentId, int topics, Instant now) {
    this.enrollmentId = enrollmentId;
    this.low = 0;
    this.high = Math.max(0, topics - 1);
    this.startedAt = now;
  }

  public Long enrollmentId() {
    return enrollmentId;
  }

  public int low() {
    return low;
  }

  public int high() {
    return high;
  }

  /** Questions answered so far. */
  public int asked() {
    return asked;
  }

  public int answeredRight() {
    return answeredRight;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public boolean finished() {
    return finishedAt != null;
  }

  /** Whether the search has narrowed to one position, or another probe would ask too many. */
  public boolean searchDone() {
    return low >= high || (probeAsked == 0 && asked + QUESTIONS_PER_PROBE > MAX_QUESTIONS);
  }

  /** The position of the topic being probed. */
  public int probe() {
    return (low + high) / 2;
  }

  /** How many questions of the current probe were answered. */
  public int probeAsked() {
    return probeAsked;
  }

  /** The question on screen, if one is. */
  public Optional<QuestionRef> onScreen() {
    return topicId == null || questionId == null
        ? Optional.empty()
        : Optional.of(new QuestionRef(topicId, questionId, false));
  }

  /** Puts a question on screen; only an answer to it counts from now on. */
  public void show(String topicId, String questionId) {
    this.topicId = topicId;
    this.questionId = questionId;
  }

  /**
   * Counts an answer to the question on screen. When the probe has {@code probeSize} answers, the
   * search moves: forward past the probe if all were right, back to it otherwise.
   */
  public void answer(boolean correct, int probeSize) {
    asked++;
    probeAsked++;
    if (correct) {
      answeredRight++;
      probeRight++;
    }
    topicId = null;
    questionId = null;
    if (probeAsked >= probeSize) {
      decide(probeRight == probeAsked);
    }
  }

  /** Ends the current probe: the probed topic is known, or not. */
  public void decide(boolean known) {
    if (known) {
      low = probe() + 1;
    } else {
      high = probe();
    }
    probeAsked = 0;
    probeRight = 0;
  }

  /** Ends the test; the learner starts at {@link #low()}. */
  public void finish(Instant now) {
    topicId = null;
    questionId = null;
    finishedAt = now;
  }
}
