package io.studybot.core.conversation;

import io.studybot.content.Topic;
import io.studybot.core.review.CardState;
import io.studybot.core.review.FsrsScheduler;
import io.studybot.core.review.Rating;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.QuizQuestion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Spaced review: every answered question becomes a learner's FSRS card; cards that fall due come
 * back in quizzes (a few a day, oldest due first) and through /review.
 */
final class Reviews {
  private final FsrsScheduler scheduler;
  private final StudyRules rules;

  Reviews(StudyRules rules) {
    this.rules = rules;
    this.scheduler = new FsrsScheduler(rules.fsrs());
  }

  /** Schedules the question's card after an answer: right is Good, wrong or missed is Again. */
  void record(Turn turn, QuizQuestion delivered, boolean correct) {
    record(turn, delivered.topicId(), delivered.questionId(), correct);
  }

  /** The same for a question answered outside a quiz, such as in a placement test. */
  void record(Turn turn, String topicId, String questionId, boolean correct) {
    String curriculum = turn.curriculum.id();
    // Most answers are a learner's first to the question: try the new card first.
    ReviewCard first = firstReview(correct, turn.now);
    if (turn.cards.addIfAbsent(turn.learner.id(), curriculum, topicId, questionId, first)) {
      return;
    }
    QuestionCard existing =
        turn.cards
            .find(turn.learner.id(), curriculum, topicId, questionId)
            .orElseThrow(() -> new IllegalStateException("a review card vanished"));
    existing.update(next(existing.card(), correct, turn.now));
  }

  /** A question's card after the learner's first answer to it. */
  ReviewCard firstReview(boolean correct, Instant now) {
    return next(FsrsScheduler.newCard(now), correct, now);
  }

  /** A card after another answer: right is Good, wrong or missed is Again. */
  ReviewCard next(ReviewCard card, boolean correct, Instant now) {
    return scheduler.review(card, Rating.fromQuizOutcome(correct), now);
  }

  /** Due reviews to fold into today's quiz, within what is left of the day's allowance. */
  List<QuestionRef> forDailyQuiz(
      Turn turn, Enrollment enrollment, LocalDate day, Set<String> excludedTopics) {
    long left = rules.reviewsPerDay() - turn.quizzes.reviewsDeliveredOn(enrollment.id(), day);
    return due(turn, (int) Math.max(0, left), excludedTopics);
  }

  /** Due reviews for /review, at any time. */
  List<QuestionRef> onRequest(Turn turn) {
    return due(turn, rules.reviewsPerRequest(), Set.of());
  }

  private List<QuestionRef> due(Turn turn, int limit, Set<String> excludedTopics) {
    List<QuestionRef> picked = new ArrayList<>();
    if (limit == 0) {
      return picked;
    }
    for (QuestionCard card :
        turn.cards.due(
            turn.learner.id(), turn.curriculum.id(), turn.now, limit + excludedTopics.size() * 8)) {
      if (picked.size() < limit
          && !excludedTopics.contains(card.topicId())
          && stillTaught(turn, card)) {
        picked.add(new QuestionRef(card.topicId(), card.questionId(), true));
      }
    }
    return picked;
  }

  /** A card whose question left the curriculum is skipped rather than shown broken. */
  private static boolean stillTaught(Turn turn, QuestionCard card) {
    Optional<Topic> topic = turn.curriculum.topic(card.topicId());
    return topic.flatMap(t -> t.findQuestion(card.questionId())).isPresent();
  }

  long dueBy(Turn turn, Instant until) {
    return turn.cards.dueCount(turn.learner.id(), turn.curriculum.id(), until);
  }

  /** The mean chance, now, of recalling each card studied so far; empty before any review. */
  OptionalDouble estimatedRetention(Turn turn) {
    return turn.cards.all(turn.learner.id(), turn.curriculum.id()).stream()
        .map(QuestionCard::card)
        .filter(card -> card.state() != CardState.NEW)
        .mapToDouble(card -> scheduler.retrievability(card, turn.now))
        .average();
  }
}
