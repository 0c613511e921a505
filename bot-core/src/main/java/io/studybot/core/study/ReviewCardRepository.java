package io.studybot.core.study;

import io.studybot.core.review.ReviewCard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Learners' spaced-review cards, one per learner and question, inside one transaction. */
public interface ReviewCardRepository {

  Optional<QuestionCard> find(
      long learnerId, String curriculumId, String topicId, String questionId);

  void add(QuestionCard card);

  /**
   * Stores a new card for the learner's question unless they have one: true when it was stored. A
   * first answer so costs one write, and no read.
   */
  boolean addIfAbsent(
      long learnerId, String curriculumId, String topicId, String questionId, ReviewCard card);

  /** The learner's cards due by {@code until}, oldest due first. */
  List<QuestionCard> due(long learnerId, String curriculumId, Instant until, int limit);

  long dueCount(long learnerId, String curriculumId, Instant until);

  /** Every card the learner has, for estimating retention. */
  List<QuestionCard> all(long learnerId, String curriculumId);
}
