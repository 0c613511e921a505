package io.studybot.core.review;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The FSRS-6 spaced-repetition scheduler: given a card, an answer and the time of the answer, it
 * computes the card's next state and due time. It keeps no state and reads no clock, so the same
 * inputs always give the same card; it behaves like ts-fsrs 5.4.2 with short-term scheduling on.
 */
public final class FsrsScheduler {

  private static final long MINUTES_PER_DAY = 1440;

  private final FsrsParameters parameters;
  private final MemoryModel model;
  private final LearningSteps steps;

  /** A scheduler with the given settings. */
  public FsrsScheduler(FsrsParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters");
    this.model = new MemoryModel(parameters);
    this.steps = new LearningSteps(parameters);
  }

  /** A card never reviewed, due at {@code now}. */
  public static ReviewCard newCard(Instant now) {
    requireNonNull(now, "now");
    return new ReviewCard(CardState.NEW, 0, 0, 0, now, null, 0, 0, 0, 0);
  }

  /** The card after the learner answered it with {@code rating} at {@code now}. */
  public ReviewCard review(ReviewCard card, Rating rating, Instant now) {
    requireNonNull(card, "card");
    requireNonNull(rating, "rating");
    requireNonNull(now, "now");
    if (card.lastReview() != null && now.isBefore(card.lastReview())) {
      throw new IllegalArgumentException(
          "review at " + now + " is before the last review at " + card.lastReview());
    }
    Answer answer = new Answer(card, rating, now, elapsedDays(card, now));
    int lapses = card.lapses();
    return switch (card.state()) {
      case NEW -> fromSteps(answer, memoryAfter(answer, rating), CardState.LEARNING, lapses);
      case LEARNING, RELEARNING ->
          fromSteps(answer, memoryAfter(answer, rating), card.state(), lapses);
      case REVIEW ->
          rating == Rating.AGAIN
              ? fromSteps(answer, memoryAfter(answer, rating), CardState.RELEARNING, lapses + 1)
              : fromReview(answer);
    };
  }

  /**
   * The probability that the learner still recalls the card at {@code now}; 0 for a new card.
   * Elapsed time counts whole 24-hour periods since the last review.
   */
  public double retrievability(ReviewCard card, Instant now) {
    requireNonNull(card, "card");
    requireNonNull(now, "now");
    if (card.state() == CardState.NEW) {
      return 0;
    }
    // Unlike review(), the reference counts full 24-hour periods here, not calendar days.
    long days = Math.max(Duration.between(card.lastReview(), now).toDays(), 0);
    return model.retrievability((double) days, MemoryModel.round8(card.stability()));
  }

  /** One answer being scheduled. */
  private record Answer(ReviewCard card, Rating rating, Instant now, int elapsedDays) {}

  // Days between reviews count UTC calendar dates, so 23:59 to 00:01 is one day, as in the
  // reference; 0 days selects the short-term (same-day) stability formula.
  private static int elapsedDays(ReviewCard card, Instant now) {
    if (card.state() == CardState.NEW || card.lastReview() == null) {
      return 0;
    }
    LocalDate last = LocalDate.ofInstant(card.lastReview(), ZoneOffset.UTC);
    return (int) ChronoUnit.DAYS.between(last, LocalDate.ofInstant(now, ZoneOffset.UTC));
  }

  private MemoryState memoryAfter(Answer answer, Rating rating) {
    ReviewCard card = answer.card();
    if (card.state() == CardState.NEW) {
      return model.initial(rating);
    }
    MemoryState memory = new MemoryState(card.stability(), card.difficulty());
    return model.next(memory, answer.elapsedDays(), rating);
  }

  private ReviewCard fromSteps(Answer answer, MemoryState memory, CardState stepState, int lapses) {
    ReviewCard card = answer.card();
    Optional<LearningSteps.Plan> plan = steps.plan(card.state(), card.step(), answer.rating());
    if (plan.isEmpty()) {
      int days = interval(answer, memory.stability());
      return afterDays(answer, memory, CardState.REVIEW, 0, days, lapses);
    }
    long minutes = plan.get().minutes();
    int nextStep = plan.get().nextStep();
    if (minutes < MINUTES_PER_DAY) {
      return afterMinutes(answer, memory, stepState, nextStep, minutes, 0, lapses);
    }
    // A step of a day or more graduates the card but keeps the step's exact wait.
    int days = (int) (minutes / MINUTES_PER_DAY);
    return afterMinutes(answer, memory, CardState.REVIEW, nextStep, minutes, days, lapses);
  }

  private ReviewCard fromReview(Answer answer) {
    MemoryState hard = memoryAfter(answer, Rating.HARD);
    MemoryState good = memoryAfter(answer, Rating.GOOD);
    MemoryState easy = memoryAfter(answer, Rating.EASY);
    // HARD < GOOD < EASY in days always, even when that pushes GOOD or EASY one or two days past
    // the maximum interval; the reference does the same.
    int goodDays = interval(answer, good.stability());
    int hardDays = Math.min(interval(answer, hard.stability()), goodDays);
    goodDays = Math.max(goodDays, hardDays + 1);
    int easyDays = Math.max(interval(answer, easy.stability()), goodDays + 1);
    int lapses = answer.card().lapses();
    return switch (answer.rating()) {
      case HARD -> afterDays(answer, hard, CardState.REVIEW, 0, hardDays, lapses);
      case GOOD -> afterDays(answer, good, CardState.REVIEW, 0, goodDays, lapses);
      case EASY -> afterDays(answer, easy, CardState.REVIEW, 0, easyDays, lapses);
      case AGAIN -> throw new IllegalStateException("AGAIN on review goes through the steps");
    };
  }

  private int interval(Answer answer, double stability) {
    int days = model.interval(stability);
    if (!parameters.fuzzEnabled()) {
      return days;
    }
    return IntervalFuzz.apply(
        days, answer.elapsedDays(), parameters.maximumInterval(), fuzzSeed(answer));
  }

  // Same card, same time, same seed: same fuzz, so a review can be replayed exactly.
  private long fuzzSeed(Answer answer) {
    ReviewCard card = answer.card();
    long seed = parameters.fuzzSeed();
    seed = 31 * seed + answer.now().toEpochMilli();
    seed = 31 * seed + card.reps();
    return 31 * seed + Double.doubleToLongBits(card.difficulty() * card.stability());
  }

  private static ReviewCard afterDays(
      Answer answer, MemoryState memory, CardState state, int step, int days, int lapses) {
    return afterMinutes(answer, memory, state, step, days * MINUTES_PER_DAY, days, lapses);
  }

  private static ReviewCard afterMinutes(
      Answer answer,
      MemoryState memory,
      CardState state,
      int step,
      long waitMinutes,
      int scheduledDays,
      int lapses) {
    ReviewCard card = answer.card();
    return new ReviewCard(
        state,
        step,
        memory.stability(),
        memory.difficulty(),
        answer.now().plus(Duration.ofMinutes(waitMinutes)),
        answer.now(),
        card.reps() + 1,
        lapses,
        scheduledDays,
        answer.elapsedDays());
  }
}
