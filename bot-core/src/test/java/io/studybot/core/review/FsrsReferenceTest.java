package io.studybot.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays review histories recorded from ts-fsrs 5.4.2 (see tools/fsrs-vectors) and checks that
 * every review leaves the card exactly where the reference left it.
 */
class FsrsReferenceTest {

  private static final String VECTORS = "/fsrs/ts-fsrs-5.4.2-vectors.json";
  private static final double RELATIVE_TOLERANCE_PERCENT = 0.01; // 1e-4 relative

  private static Vectors vectors;

  private final FsrsScheduler scheduler = new FsrsScheduler(FsrsParameters.defaults());

  @BeforeAll
  static void readVectors() throws IOException {
    ObjectMapper mapper =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = FsrsReferenceTest.class.getResourceAsStream(VECTORS)) {
      assertThat(in).as(VECTORS + " on the test classpath").isNotNull();
      vectors = mapper.readValue(in, Vectors.class);
    }
  }

  record Vectors(Settings parameters, List<History> histories) {}

  record Settings(
      double requestRetention,
      int maximumInterval,
      boolean enableFuzz,
      boolean enableShortTerm,
      List<String> learningSteps,
      List<String> relearningSteps,
      List<Double> w) {}

  record History(String start, List<Step> steps) {}

  record Step(
      String rating,
      String review,
      double retrievabilityBefore,
      double stability,
      double difficulty,
      String state,
      int step,
      int scheduledDays,
      int elapsedDays,
      int reps,
      int lapses,
      String due) {}

  @Test
  void vectorsWereRecordedWithOurDefaultSettings() {
    Settings settings = vectors.parameters();
    FsrsParameters defaults = FsrsParameters.defaults();

    assertThat(settings.w()).isEqualTo(defaults.weights());
    assertThat(settings.requestRetention()).isEqualTo(defaults.desiredRetention());
    assertThat(settings.maximumInterval()).isEqualTo(defaults.maximumInterval());
    assertThat(settings.enableFuzz()).isFalse();
    assertThat(settings.enableShortTerm()).isTrue();
    assertThat(settings.learningSteps()).containsExactly("1m", "10m");
    assertThat(settings.relearningSteps()).containsExactly("10m");
  }

  @Test
  void vectorsCoverEveryRatingInEveryState() {
    List<History> histories = vectors.histories();
    List<String> seen = new ArrayList<>();
    histories.forEach(h -> h.steps().forEach(s -> seen.add(s.rating() + "->" + s.state())));

    assertThat(histories).hasSizeGreaterThanOrEqualTo(200);
    assertThat(seen)
        .contains(
            "Again->Learning",
            "Hard->Learning",
            "Good->Learning",
            "Easy->Review",
            "Again->Relearning",
            "Hard->Relearning",
            "Hard->Review",
            "Good->Review");
  }

  @TestFactory
  Stream<DynamicTest> replayingEachHistoryMatchesTheReference() {
    List<History> histories = vectors.histories();
    return IntStream.range(0, histories.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    "history " + i + " from " + histories.get(i).start(),
                    () -> replay(i, histories.get(i))));
  }

  @Test
  void publishedVectorGivesTheDocumentedIntervals() {
    List<Rating> ratings = new ArrayList<>();
    ratings.addAll(List.of(Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD));
    ratings.addAll(List.of(Rating.GOOD, Rating.AGAIN, Rating.AGAIN));
    ratings.addAll(List.of(Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD));
    ReviewCard card = FsrsScheduler.newCard(Instant.parse("2022-11-29T12:30:00Z"));

    List<Integer> intervals = new ArrayList<>();
    for (Rating rating : ratings) {
      card = scheduler.review(card, rating, card.due());
      intervals.add(card.scheduledDays());
    }

    assertThat(intervals).containsExactly(0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21);
  }

  private void replay(int index, History history) {
    ReviewCard card = FsrsScheduler.newCard(Instant.parse(history.start()));
    for (int n = 0; n < history.steps().size(); n++) {
      Step expected = history.steps().get(n);
      Instant reviewed = Instant.parse(expected.review());
      String where = "history " + index + ", review " + n + " at " + reviewed;

      assertThat(scheduler.retrievability(card, reviewed))
          .as(where + ": retrievability before")
          .isCloseTo(expected.retrievabilityBefore(), within(1e-6));
      card = scheduler.review(card, rating(expected.rating()), reviewed);
      assertMatches(card, expected, where);
    }
  }

  private static void assertMatches(ReviewCard actual, Step expected, String where) {
    assertThat(actual.stability())
        .as(where + ": stability")
        .isCloseTo(expected.stability(), withinPercentage(RELATIVE_TOLERANCE_PERCENT));
    assertThat(actual.difficulty())
        .as(where + ": difficulty")
        .isCloseTo(expected.difficulty(), withinPercentage(RELATIVE_TOLERANCE_PERCENT));
    assertThat(actual.state()).as(where + ": state").isEqualTo(state(expected.state()));
    assertThat(actual.scheduledDays())
        .as(where + ": scheduled days")
        .isEqualTo(expected.scheduledDays());
    assertThat(actual.due()).as(where + ": due").isEqualTo(Instant.parse(expected.due()));
    assertThat(actual.step()).as(where + ": step").isEqualTo(expected.step());
    assertThat(actual.elapsedDays()).as(where + ": elapsed days").isEqualTo(expected.elapsedDays());
    assertThat(actual.reps()).as(where + ": reps").isEqualTo(expected.reps());
    assertThat(actual.lapses()).as(where + ": lapses").isEqualTo(expected.lapses());
    assertThat(actual.lastReview())
        .as(where + ": last review")
        .isEqualTo(Instant.parse(expected.review()));
  }

  private static Rating rating(String name) {
    return Rating.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static CardState state(String name) {
    return CardState.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
