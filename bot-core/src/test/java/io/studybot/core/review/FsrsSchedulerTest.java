package io.studybot.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FsrsSchedulerTest {

  private static final Instant NOW = Instant.parse("2024-05-10T08:00:00Z");

  private final FsrsScheduler scheduler = new FsrsScheduler(FsrsParameters.defaults());

  @Test
  void newCardIsDueAtOnceAndHasNoMemoryYet() {
    ReviewCard card = FsrsScheduler.newCard(NOW);

    assertThat(card.state()).isEqualTo(CardState.NEW);
    assertThat(card.due()).isEqualTo(NOW);
    assertThat(card.lastReview()).isNull();
    assertThat(card.stability()).isZero();
    assertThat(card.reps()).isZero();
  }

  @Test
  void goodOnANewCardMovesToTheSecondLearningStep() {
    ReviewCard card = scheduler.review(FsrsScheduler.newCard(NOW), Rating.GOOD, NOW);

    assertThat(card.state()).isEqualTo(CardState.LEARNING);
    assertThat(card.step()).isEqualTo(1);
    assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(card.scheduledDays()).isZero();
    assertThat(card.stability()).isEqualTo(2.3065);
    assertThat(card.reps()).isEqualTo(1);
  }

  @Test
  void hardInLearningWaitsBetweenTheAgainAndGoodSteps() {
    ReviewCard card = scheduler.review(FsrsScheduler.newCard(NOW), Rating.HARD, NOW);

    assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofMinutes(6)));
    assertThat(card.step()).isZero();
  }

  @Test
  void easyOnANewCardSkipsTheStepsAndGoesToReview() {
    ReviewCard card = scheduler.review(FsrsScheduler.newCard(NOW), Rating.EASY, NOW);

    assertThat(card.state()).isEqualTo(CardState.REVIEW);
    assertThat(card.scheduledDays()).isEqualTo(8);
    assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofDays(8)));
  }

  @Test
  void againOnACardInReviewCountsALapseAndStartsRelearning() {
    ReviewCard review = scheduler.review(FsrsScheduler.newCard(NOW), Rating.EASY, NOW);

    ReviewCard lapsed = scheduler.review(review, Rating.AGAIN, review.due());

    assertThat(lapsed.state()).isEqualTo(CardState.RELEARNING);
    assertThat(lapsed.lapses()).isEqualTo(1);
    assertThat(lapsed.due()).isEqualTo(review.due().plus(Duration.ofMinutes(10)));
    assertThat(lapsed.stability()).isLessThan(review.stability());
    assertThat(lapsed.difficulty()).isGreaterThan(review.difficulty());
  }

  @Test
  void elapsedDaysCountUtcCalendarDatesSoMinutesAcrossMidnightAreADay() {
    Instant lateEvening = Instant.parse("2024-05-10T23:55:00Z");
    ReviewCard learning =
        scheduler.review(FsrsScheduler.newCard(lateEvening), Rating.GOOD, lateEvening);

    ReviewCard sameDay = scheduler.review(learning, Rating.GOOD, lateEvening.plusSeconds(120));
    ReviewCard nextDay = scheduler.review(learning, Rating.GOOD, lateEvening.plusSeconds(600));

    assertThat(sameDay.elapsedDays()).isZero();
    assertThat(nextDay.elapsedDays()).isEqualTo(1);
    assertThat(nextDay.stability()).isNotEqualTo(sameDay.stability());
  }

  @Test
  void retrievabilityOfANewCardIsZero() {
    assertThat(scheduler.retrievability(FsrsScheduler.newCard(NOW), NOW.plusSeconds(60))).isZero();
  }

  @Test
  void retrievabilityIsTheDesiredRetentionAfterStabilityDays() {
    ReviewCard card =
        new ReviewCard(CardState.REVIEW, 0, 10, 5, NOW.plus(Duration.ofDays(10)), NOW, 3, 0, 10, 2);

    assertThat(scheduler.retrievability(card, NOW)).isEqualTo(1.0);
    assertThat(scheduler.retrievability(card, NOW.plus(Duration.ofDays(10))))
        .isCloseTo(0.9, within(1e-6));
    assertThat(scheduler.retrievability(card, NOW.plus(Duration.ofDays(100)))).isLessThan(0.9);
  }

  @Test
  void rejectsAReviewBeforeTheLastReview() {
    ReviewCard card = scheduler.review(FsrsScheduler.newCard(NOW), Rating.GOOD, NOW);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> scheduler.review(card, Rating.GOOD, NOW.minusSeconds(1)))
        .withMessageContaining("before the last review");
  }

  @Test
  void rejectsAReviewedCardWithoutALastReviewTime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new ReviewCard(CardState.REVIEW, 0, 1, 5, NOW, null, 1, 0, 1, 0))
        .withMessageContaining("lastReview");
  }
}
