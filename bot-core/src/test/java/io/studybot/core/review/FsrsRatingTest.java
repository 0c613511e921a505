package io.studybot.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FsrsRatingTest {

  @Test
  void wrongQuizAnswerIsRatedAgain() {
    assertThat(Rating.fromQuizOutcome(false)).isEqualTo(Rating.AGAIN);
  }

  @Test
  void rightQuizAnswerIsRatedGood() {
    assertThat(Rating.fromQuizOutcome(true)).isEqualTo(Rating.GOOD);
  }

  @Test
  void gradesRunFromOneForAgainToFourForEasy() {
    assertThat(Rating.values()).extracting(Rating::grade).containsExactly(1, 2, 3, 4);
  }
}
