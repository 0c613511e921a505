package io.studybot.core.persistence;

import static io.studybot.core.testing.BotHarness.privateChat;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.review.FsrsScheduler;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.PressedAnswer;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers pressed while the database is busy share a transaction: with one batch allowed at a time,
 * a first answer holds the database while others queue, and they then go in together. One answer
 * that cannot commit costs the others nothing: the shared transaction is rolled back and each is
 * tried again alone.
 */
class PostgresAnswerBatchesTest {
  private static final String COURSE = "test-course";
  private static final List<QuestionRef> QUESTIONS =
      List.of(new QuestionRef("alpha", "q1", false), new QuestionRef("alpha", "q2", false));
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private DatabaseSettings settings;
  private Database database;
  private AnswerSeeder.Seeded seeded;
  private JdbcDirectAnswers answers;
  private final ExecutorService pressing = Executors.newCachedThreadPool();
  private final Map<Integer, AtomicInteger> restRuns = new ConcurrentHashMap<>();

  @BeforeEach
  void seed() {
    settings = TestDatabases.postgres();
    database = Database.open(settings);
    seeded = AnswerSeeder.seedOpenQuizzes(database, 6, COURSE, "alpha", QUESTIONS, NOW);
    answers = new JdbcDirectAnswers(database, 1);
  }

  @AfterEach
  void drop() throws InterruptedException {
    pressing.shutdownNow();
    pressing.awaitTermination(10, TimeUnit.SECONDS);
    database.close();
    TestDatabases.dropPostgres(settings);
  }

  @Test
  void answersArrivingWhileOneIsRecordedShareTheNextTransaction() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Optional<String>> first = holdTheDatabase(release);
    List<Future<Optional<String>>> queued = new ArrayList<>();
    for (int learner = 1; learner <= 4; learner++) {
      queued.add(press(learner, 0, recorded(learner)));
    }
    awaitWaiting(4);

    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).contains("recorded 0");
    for (int learner = 1; learner <= 4; learner++) {
      assertThat(queued.get(learner - 1).get(10, TimeUnit.SECONDS)).contains("recorded " + learner);
      assertThat(restRuns.get(learner)).hasValue(1);
    }
    assertThat(answers.transactions()).isEqualTo(2);
    assertThat(count("select count(*) from quiz_attempt")).isEqualTo(5);
    assertThat(count("select count(*) from review_card")).isEqualTo(5);
  }

  @Test
  void anAnswerThatCannotCommitLeavesTheOthersOfItsBatchRecorded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Optional<String>> first = holdTheDatabase(release);
    Future<Optional<String>> good = press(1, 0, recorded(1));
    Future<Optional<String>> refusing = press(2, 0, refused(2));
    Future<Optional<String>> renamed =
        pressing.submit(() -> answers.record(pressed(3, 0, "someone else"), recorded(3)));
    Future<Optional<String>> alsoGood = press(4, 1, recorded(4));
    awaitWaiting(4);

    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).contains("recorded 0");
    assertThat(good.get(10, TimeUnit.SECONDS)).contains("recorded 1");
    assertThat(alsoGood.get(10, TimeUnit.SECONDS)).contains("recorded 4");
    assertThat(refusing.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(renamed.get(10, TimeUnit.SECONDS)).isEmpty();
    // The shared transaction ran every rest once; then each answer went in alone.
    assertThat(restRuns.get(1)).hasValue(2);
    assertThat(restRuns.get(2)).hasValue(2);
    assertThat(restRuns).doesNotContainKey(3);
    assertThat(answers.transactions()).isEqualTo(3);
    assertThat(count("select count(*) from quiz_attempt")).isEqualTo(3);
    assertThat(count("select count(*) from review_card")).isEqualTo(3);
    assertThat(count("select count(*) from quiz_attempt where learner_id = " + id(2))).isZero();
  }

  @Test
  void anAnswerGivenTwiceIsRecordedOnceAndTheSecondTakesTheOrdinaryWay() throws Exception {
    assertThat(answers.record(pressed(5, 0, null), recorded(5))).contains("recorded 5");

    assertThat(answers.record(pressed(5, 0, null), recorded(5))).isEmpty();
    assertThat(restRuns.get(5)).hasValue(1);
    assertThat(count("select count(*) from quiz_attempt where learner_id = " + id(5))).isOne();
  }

  private Future<Optional<String>> press(
      int learner, int question, DirectAnswers.Rest<String> rest) {
    return pressing.submit(() -> answers.record(pressed(learner, question, null), rest));
  }

  /** Learner 0's answer, whose rest keeps its transaction (the only one allowed) open. */
  private Future<Optional<String>> holdTheDatabase(CountDownLatch release)
      throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Future<Optional<String>> first = press(0, 0, held(holding, release));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    return first;
  }

  private DirectAnswers.Rest<String> held(CountDownLatch holding, CountDownLatch release) {
    return (recorded, writes) -> {
      holding.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return recorded(0).after(recorded, writes);
    };
  }

  private DirectAnswers.Rest<String> recorded(int learner) {
    return (recorded, writes) -> {
      restRuns.computeIfAbsent(learner, key -> new AtomicInteger()).incrementAndGet();
      assertThat(recorded.learnerId()).isEqualTo(id(learner));
      return Optional.of("recorded " + learner);
    };
  }

  private DirectAnswers.Rest<String> refused(int learner) {
    return (recorded, writes) -> {
      restRuns.computeIfAbsent(learner, key -> new AtomicInteger()).incrementAndGet();
      return Optional.empty();
    };
  }

  private PressedAnswer pressed(int learner, int question, String name) {
    PlatformUser user =
        new PlatformUser(
            Platform.TELEGRAM,
            seeded.externalId(learner),
            name == null ? seeded.displayName(learner) : name,
            Optional.of("en"));
    ChatRef chat = privateChat(user);
    QuestionRef ref = QUESTIONS.get(question);
    return new PressedAnswer(
        user,
        chat,
        seeded.questionId(learner, question),
        COURSE,
        ref.topicId(),
        ref.questionId(),
        0,
        true,
        NOW,
        NOW.minus(Duration.ofHours(1)),
        FsrsScheduler.newCard(NOW));
  }

  private long id(int learner) {
    return seeded.firstLearnerId() + learner;
  }

  private void awaitWaiting(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (answers.waiting() < expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(answers.waiting()).isEqualTo(expected);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
