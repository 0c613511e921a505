package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.review.CardState;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.schedule.Dispatcher;
import io.studybot.core.state.Repositories;
import io.studybot.core.state.StudyStore;
import io.studybot.core.study.AnswerOutcome;
import io.studybot.core.study.DeliveredQuestion;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.LeaderboardRow;
import io.studybot.core.study.Learner;
import io.studybot.core.study.Placement;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.QuizResults;
import io.studybot.core.study.Streak;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyOwner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.assertj.core.api.ThrowingConsumer;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every repository must do, one nested class per repository, run against each database we
 * support (the subclasses choose it). All repositories of a transaction share it.
 */
abstract class RepositoryContract {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final ChatRef GROUP = new ChatRef(Platform.TELEGRAM, "-42", ChatKind.GROUP);
  private static final ChatRef ADA_CHAT = new ChatRef(Platform.TELEGRAM, "1", ChatKind.PRIVATE);

  private DatabaseSettings settings;
  private Database database;
  private StudyStore store;

  protected abstract DatabaseSettings createDatabase();

  protected void dropDatabase(DatabaseSettings settings) {}

  @BeforeEach
  void open() {
    settings = createDatabase();
    database = Database.open(settings);
    store = new HibernateStudyStore(database);
  }

  @AfterEach
  void close() {
    database.close();
    dropDatabase(settings);
  }

  private <T> T tx(Function<Repositories, T> work) {
    return store.inTransaction(work);
  }

  /** The database refused a row by this unique constraint, as Hibernate reports it. */
  private static ThrowingConsumer<Throwable> violates(String constraint) {
    return thrown -> {
      List<String> violated = new ArrayList<>();
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof ConstraintViolationException violation) {
          violated.add(String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT));
        }
      }
      assertThat(violated)
          .as("constraints violated in %s", thrown)
          .anySatisfy(name -> assertThat(name).contains(constraint));
    };
  }

  /** A find in its own transaction. */
  private <T> Optional<T> found(Function<Repositories, Optional<T>> find) {
    return store.inTransaction(find);
  }

  private long rows(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  @Nested
  class Learners {
    @Test
    void aLearnerIsFoundByTheirPlatformAccountWithSettings() {
      Long id =
          tx(
              repos -> {
                Learner learner = new Learner("Ada", Language.ZH, ZoneId.of("Asia/Shanghai"), NOW);
                learner.settings().setLessonTime(LocalTime.of(7, 45));
                learner.setStreak(new Streak(3, 5, Optional.of(LocalDate.of(2026, 4, 30))));
                learner.moveHome(ADA_CHAT);
                return repos.learners().add(learner, Platform.TELEGRAM, "777").id();
              });
      Learner found = tx(repos -> repos.learners().byAccount(Platform.TELEGRAM, "777")).get();
      assertThat(found.id()).isEqualTo(id);
      assertThat(found.language()).isEqualTo(Language.ZH);
      assertThat(found.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
      assertThat(found.lessonTime()).isEqualTo(LocalTime.of(7, 45));
      assertThat(found.quizTime()).isEqualTo(LocalTime.of(20, 0));
      assertThat(found.homeChat()).contains(ADA_CHAT);
      assertThat(found.streak())
          .isEqualTo(new Streak(3, 5, Optional.of(LocalDate.of(2026, 4, 30))));
      assertThat(found(repos -> repos.learners().byAccount(Platform.DISCORD, "777"))).isEmpty();
      assertThat(found(repos -> repos.learners().find(id)))
          .map(Learner::displayName)
          .contains("Ada");
    }

    @Test
    void onePlatformAccountBelongsToOneLearner() {
      tx(repos -> repos.learners().add(learner("A"), Platform.TELEGRAM, "1"));
      assertThatThrownBy(
              () -> tx(repos -> repos.learners().add(learner("B"), Platform.TELEGRAM, "1")))
          .satisfies(violates("uq_platform_account"));
      assertThat(rows("select count(*) from learner")).isEqualTo(1);
    }

    @Test
    void changesToLoadedLearnersAreStoredAtCommit() {
      tx(repos -> repos.learners().add(learner("A"), Platform.CONSOLE, "me"));
      tx(
          repos -> {
            repos.learners().byAccount(Platform.CONSOLE, "me").get().setPaused(true);
            return null;
          });
      assertThat(found(repos -> repos.learners().byAccount(Platform.CONSOLE, "me")).get().paused())
          .isTrue();
    }

    @Test
    void deletingALearnerRemovesEverythingTheyOwnAndTheirQueuedDeliveries() {
      long id =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                List<QuizQuestion> questions =
                    repos.quizzes().add(quiz(enrollment, ADA_CHAT), List.of(ref("t1", "q1")));
                repos.quizzes().recordAnswer(answer(questions.get(0), learner, 1, true));
                repos.enrollments().markCompleted(enrollment.id(), "t1", NOW);
                repos.enrollments().markTestedOut(enrollment.id(), "t2", NOW);
                repos.enrollments().startPlacement(new Placement(enrollment.id(), 3, NOW));
                repos.cards().add(new QuestionCard(learner.id(), "course", "t1", "q1", card(NOW)));
                repos.schedules().save(lessonSchedule(learner.owner()));
                return learner.id();
              });
      queueOutboxRow(id);

      tx(
          repos -> {
            repos.learners().delete(id);
            return null;
          });

      assertThat(found(repos -> repos.learners().byAccount(Platform.TELEGRAM, "1"))).isEmpty();
      for (String table :
          List.of(
              "platform_account",
              "enrollment",
              "quiz",
              "quiz_attempt",
              "completed_topic",
              "placement",
              "review_card",
              "delivery_schedule",
              "outbox")) {
        assertThat(rows("select count(*) from " + table)).as(table).isZero();
      }
    }

    private void queueOutboxRow(long learnerId) {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "insert into outbox (idempotency_key, learner_id, kind, local_date, chat_platform,"
                + " chat_id, chat_kind, status, attempts, not_before, created_at) values ('L"
                + learnerId
                + ":LESSON:2026-05-01', "
                + learnerId
                + ", 'LESSON', date '2026-05-01', 'TELEGRAM', '1', 'PRIVATE', 'PENDING', 0,"
                + " timestamp '2026-05-01 10:00:00', timestamp '2026-05-01 10:00:00')");
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Nested
  class Groups {
    @Test
    void aGroupIsFoundByItsChatWithItsSettings() {
      long id =
          tx(
              repos -> {
                StudyGroup group = new StudyGroup(GROUP, Language.ZH, ZoneId.of("Asia/Tokyo"), NOW);
                group.subscribe(LocalTime.of(7, 0), LocalTime.of(19, 0), ZoneId.of("UTC"));
                return repos.groups().add(group).id();
              });
      StudyGroup found = tx(repos -> repos.groups().byChat(GROUP)).get();
      assertThat(found.id()).isEqualTo(id);
      assertThat(found.chat()).isEqualTo(GROUP);
      assertThat(found.language()).isEqualTo(Language.ZH);
      assertThat(found.zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(found.lessonTime()).isEqualTo(LocalTime.of(7, 0));
      assertThat(found.subscribed()).isTrue();
      assertThat(found(repos -> repos.groups().find(id))).isPresent();
      ChatRef onDiscord = new ChatRef(Platform.DISCORD, "-42", ChatKind.GROUP);
      assertThat(found(repos -> repos.groups().byChat(onDiscord))).isEmpty();
    }

    @Test
    void oneChatIsOneGroup() {
      tx(repos -> repos.groups().add(group()));
      assertThatThrownBy(() -> tx(repos -> repos.groups().add(group())))
          .satisfies(violates("uq_study_group"));
    }

    @Test
    void aMovedGroupTakesItsQuizzesLeaderboardAndQueuedDeliveriesToTheNewChatId() {
      ChatRef upgraded = GROUP.withId("-1042");
      long groupId =
          tx(
              repos -> {
                Learner ann = repos.learners().add(learner("Ann"), Platform.TELEGRAM, "1");
                StudyGroup group = repos.groups().add(group());
                Enrollment enrollment = enroll(repos, group.owner());
                List<QuizQuestion> questions =
                    repos.quizzes().add(quiz(enrollment, GROUP), List.of(ref("t1", "q1")));
                repos.quizzes().recordAnswer(answer(questions.get(0), ann, 1, true));
                return group.id();
              });
      queueGroupOutboxRow(groupId, "2026-04-30", "SENT");
      queueGroupOutboxRow(groupId, "2026-05-01", "PENDING");
      boolean holdsProgress =
          tx(repos -> repos.groups().holdsProgress(repos.groups().find(groupId).get()));
      assertThat(holdsProgress).isTrue();

      tx(
          repos -> {
            repos.groups().moveChat(repos.groups().byChat(GROUP).get(), upgraded.id());
            return null;
          });

      assertThat(found(repos -> repos.groups().byChat(GROUP))).isEmpty();
      assertThat(found(repos -> repos.groups().byChat(upgraded)).get().id()).isEqualTo(groupId);
      List<LeaderboardRow> board = tx(repos -> repos.quizzes().leaderboard(upgraded));
      assertThat(board).extracting(row -> row.learner().displayName()).containsExactly("Ann");
      List<LeaderboardRow> oldBoard = tx(repos -> repos.quizzes().leaderboard(GROUP));
      assertThat(oldBoard).isEmpty();
      assertThat(rows("select count(*) from quiz where chat_id = '-42'")).isZero();
      assertThat(rows("select count(*) from outbox where status = 'PENDING' and chat_id = '-1042'"))
          .isEqualTo(1);
      assertThat(rows("select count(*) from outbox where status = 'SENT' and chat_id = '-42'"))
          .as("a sent row keeps the id it went to")
          .isEqualTo(1);
    }

    @Test
    void aGroupWithoutProgressIsDeletedWithWhatItOwnsAndFreesItsChatId() {
      tx(
          repos -> {
            StudyGroup group = repos.groups().add(group());
            enroll(repos, group.owner());
            repos
                .schedules()
                .save(
                    DeliverySchedule.create(
                        group.owner(),
                        DeliveryKind.LESSON,
                        ZoneId.of("UTC"),
                        LocalTime.of(9, 0),
                        GROUP,
                        true,
                        NOW));
            return null;
          });

      tx(
          repos -> {
            StudyGroup group = repos.groups().byChat(GROUP).get();
            assertThat(repos.groups().holdsProgress(group)).isFalse();
            repos.groups().delete(group);
            return repos.groups().add(group()); // the chat id is free in the same transaction
          });

      assertThat(rows("select count(*) from study_group")).isEqualTo(1);
      assertThat(rows("select count(*) from enrollment")).isZero();
      assertThat(rows("select count(*) from delivery_schedule")).isZero();
    }

    private void queueGroupOutboxRow(long groupId, String day, String status) {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "insert into outbox (idempotency_key, group_id, kind, local_date, chat_platform,"
                + " chat_id, chat_kind, status, attempts, not_before, created_at) values ('G"
                + groupId
                + ":LESSON:"
                + day
                + "', "
                + groupId
                + ", 'LESSON', date '"
                + day
                + "', 'TELEGRAM', '-42', 'GROUP', '"
                + status
                + "', 0, timestamp '2026-05-01 10:00:00', timestamp '2026-05-01 10:00:00')");
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Nested
  class Enrollments {
    @Test
    void anEnrollmentKeepsItsPositionAndEachCompletedTopicOnce() {
      long enrollmentId =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                enrollment.advance();
                repos.enrollments().markCompleted(enrollment.id(), "t1", NOW);
                repos.enrollments().markCompleted(enrollment.id(), "t1", NOW);
                return enrollment.id();
              });
      tx(
          repos -> {
            Learner learner = repos.learners().byAccount(Platform.TELEGRAM, "1").get();
            Enrollment enrollment = repos.enrollments().find(learner.owner(), "course").get();
            assertThat(enrollment.id()).isEqualTo(enrollmentId);
            assertThat(enrollment.position()).isEqualTo(1);
            assertThat(enrollment.owner()).isEqualTo(learner.owner());
            assertThat(repos.enrollments().completedTopics(enrollmentId)).containsExactly("t1");
            assertThat(repos.enrollments().find(learner.owner(), "other")).isEmpty();
            return null;
          });
    }

    @Test
    void aTestedOutTopicCountsAsDoneAndAsStudiedOnceItsQuizIsFinished() {
      long enrollmentId =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                repos.enrollments().markCompleted(enrollment.id(), "t1", NOW);
                repos.enrollments().markTestedOut(enrollment.id(), "t1", NOW); // studied stays
                repos.enrollments().markTestedOut(enrollment.id(), "t2", NOW);
                repos.enrollments().markTestedOut(enrollment.id(), "t3", NOW);
                repos.enrollments().markTestedOut(enrollment.id(), "t3", NOW);
                enrollment.moveForwardTo(3);
                enrollment.moveForwardTo(1); // never back
                return enrollment.id();
              });
      tx(
          repos -> {
            assertThat(repos.enrollments().completedTopics(enrollmentId))
                .containsExactlyInAnyOrder("t1", "t2", "t3");
            assertThat(repos.enrollments().testedOutTopics(enrollmentId))
                .containsExactlyInAnyOrder("t2", "t3");
            repos.enrollments().markCompleted(enrollmentId, "t2", NOW.plusSeconds(60));
            return null;
          });
      tx(
          repos -> {
            assertThat(repos.enrollments().testedOutTopics(enrollmentId)).containsExactly("t3");
            assertThat(repos.enrollments().completedTopics(enrollmentId)).hasSize(3);
            Learner learner = repos.learners().byAccount(Platform.TELEGRAM, "1").get();
            assertThat(repos.enrollments().find(learner.owner(), "course").get().position())
                .isEqualTo(3);
            return null;
          });
    }

    @Test
    void aPlacementKeepsItsSearchAndTheQuestionOnScreenAndANewOneReplacesIt() {
      long[] ids =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                assertThat(repos.enrollments().placement(enrollment.id())).isEmpty();
                Placement placement =
                    repos.enrollments().startPlacement(new Placement(enrollment.id(), 40, NOW));
                placement.show("t20", "q1");
                return new long[] {enrollment.id(), placement.id()};
              });
      tx(
          repos -> {
            Placement placement = repos.enrollments().placement(ids[0]).get();
            assertThat(placement.id()).isEqualTo(ids[1]);
            assertThat(placement.onScreen()).contains(new QuestionRef("t20", "q1", false));
            assertThat(placement.low()).isZero();
            assertThat(placement.high()).isEqualTo(39);
            assertThat(placement.probe()).isEqualTo(19);
            placement.answer(true, 2);
            placement.show("t20", "q2");
            return null;
          });
      tx(
          repos -> {
            Placement placement = repos.enrollments().placement(ids[0]).get();
            assertThat(placement.asked()).isEqualTo(1);
            assertThat(placement.probeAsked()).isEqualTo(1);
            placement.answer(true, 2);
            assertThat(placement.low()).isEqualTo(20);
            placement.finish(NOW);
            return null;
          });
      long second =
          tx(
              repos -> {
                Placement placement = repos.enrollments().placement(ids[0]).get();
                assertThat(placement.finished()).isTrue();
                assertThat(placement.onScreen()).isEmpty();
                assertThat(placement.answeredRight()).isEqualTo(2);
                return repos
                    .enrollments()
                    .startPlacement(new Placement(ids[0], 40, NOW.plusSeconds(60)))
                    .id();
              });
      tx(
          repos -> {
            Placement placement = repos.enrollments().placement(ids[0]).get();
            assertThat(placement.id()).isEqualTo(second).isNotEqualTo(ids[1]);
            assertThat(placement.asked()).isZero();
            assertThat(placement.finished()).isFalse();
            return null;
          });
    }

    @Test
    void aLearnersAndAGroupsEnrollmentsAreApartEvenWithTheSameId() {
      tx(
          repos -> {
            Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
            StudyGroup group = repos.groups().add(group());
            enroll(repos, learner.owner()).advance();
            enroll(repos, group.owner());
            return null;
          });
      tx(
          repos -> {
            StudyGroup group = repos.groups().byChat(GROUP).get();
            Enrollment enrollment = repos.enrollments().find(group.owner(), "course").get();
            assertThat(enrollment.position()).isZero();
            assertThat(enrollment.owner().isLearner()).isFalse();
            return null;
          });
    }
  }

  @Nested
  class QuizzesAndAnswers {
    @Test
    void questionsKeepTheirOrderAndAnAnswerIsRecordedOncePerLearner() {
      long[] ids =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                List<QuizQuestion> questions =
                    repos
                        .quizzes()
                        .add(quiz(enrollment, ADA_CHAT), List.of(ref("t1", "q3"), ref("t1", "q1")));
                return new long[] {
                  learner.id(), questions.get(0).id(), questions.get(0).quizId(), enrollment.id()
                };
              });
      AnswerOutcome first =
          tx(repos -> repos.quizzes().recordAnswer(new QuizAttempt(ids[1], ids[0], 1, true, NOW)));
      AnswerOutcome again =
          tx(repos -> repos.quizzes().recordAnswer(new QuizAttempt(ids[1], ids[0], 0, false, NOW)));

      assertThat(first).isEqualTo(new AnswerOutcome(true, 1, 1, 2));
      assertThat(first.quizFinished()).isFalse();
      assertThat(again).isEqualTo(new AnswerOutcome(false, 1, 1, 2));
      tx(
          repos -> {
            assertThat(repos.quizzes().questionsOf(ids[2]))
                .extracting(QuizQuestion::questionId)
                .containsExactly("q3", "q1");
            assertThat(repos.quizzes().unanswered(ids[2], ids[0]))
                .extracting(QuizQuestion::questionId)
                .containsExactly("q1");
            assertThat(repos.quizzes().answeredQuestionIds(ids[0], "t1")).containsExactly("q3");
            assertThat(repos.quizzes().openQuiz(ids[3], false)).map(Quiz::id).contains(ids[2]);
            assertThat(repos.quizzes().openQuiz(ids[3], true)).isEmpty();
            assertThat(repos.quizzes().stats(ids[0]).answered()).isEqualTo(1);
            assertThat(repos.quizzes().stats(ids[0]).correct()).isEqualTo(1);
            return null;
          });
    }

    @Test
    void aDeliveredQuestionIsReadWithItsQuiz() {
      long questionId =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                return repos
                    .quizzes()
                    .add(quiz(enrollment, ADA_CHAT), List.of(ref("t1", "q1"), ref("t1", "q2")))
                    .get(1)
                    .id();
              });
      DeliveredQuestion delivered = tx(repos -> repos.quizzes().delivered(questionId)).get();
      assertThat(delivered.question().questionId()).isEqualTo("q2");
      assertThat(delivered.question().ordinal()).isEqualTo(1);
      assertThat(delivered.quiz().deliveredTo(ADA_CHAT)).isTrue();
      assertThat(delivered.quiz().id()).isEqualTo(delivered.question().quizId());
      assertThat(found(repos -> repos.quizzes().delivered(questionId + 1000))).isEmpty();
    }

    @Test
    void theSameAnswerRecordedAtOnceFromTwoPlacesCountsOnce() throws Exception {
      long[] ids =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                QuizQuestion question =
                    repos
                        .quizzes()
                        .add(quiz(enrollment, ADA_CHAT), List.of(ref("t1", "q1")))
                        .get(0);
                return new long[] {learner.id(), question.id()};
              });
      CyclicBarrier together = new CyclicBarrier(2);
      Callable<Boolean> tap =
          () -> {
            together.await(10, TimeUnit.SECONDS);
            return tx(
                repos ->
                    repos
                        .quizzes()
                        .recordAnswer(new QuizAttempt(ids[1], ids[0], 0, true, NOW))
                        .recorded());
          };
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Boolean>> taps = List.of(pool.submit(tap), pool.submit(tap));
        List<Boolean> recorded = new ArrayList<>();
        for (Future<Boolean> result : taps) {
          recorded.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(recorded).containsExactlyInAnyOrder(true, false);
      } finally {
        pool.shutdownNow();
      }
      assertThat(rows("select count(*) from quiz_attempt")).isEqualTo(1);
    }

    @Test
    void aQuizsResultsCountItsMembersAndEachQuestionsAnswersButNotTheMissedOnes() {
      long[] ids =
          tx(
              repos -> {
                Learner ann = repos.learners().add(learner("Ann"), Platform.TELEGRAM, "1");
                Learner ben = repos.learners().add(learner("Ben"), Platform.TELEGRAM, "2");
                Learner cid = repos.learners().add(learner("Cid"), Platform.TELEGRAM, "3");
                Enrollment enrollment = enroll(repos, repos.groups().add(group()).owner());
                List<QuizQuestion> questions =
                    repos
                        .quizzes()
                        .add(
                            quiz(enrollment, GROUP),
                            List.of(ref("t1", "q1"), ref("t1", "q2"), ref("t1", "q3")));
                List<QuizQuestion> other =
                    repos.quizzes().add(quiz(enrollment, GROUP), List.of(ref("t1", "q1")));
                repos.quizzes().recordAnswer(answer(questions.get(0), ann, 1, true));
                repos.quizzes().recordAnswer(answer(questions.get(1), ann, 1, true));
                repos.quizzes().recordAnswer(answer(questions.get(0), ben, 0, false));
                repos
                    .quizzes()
                    .recordAnswer(answer(questions.get(2), cid, QuizAttempt.MISSED, false));
                repos.quizzes().recordAnswer(answer(other.get(0), cid, 1, true));
                return new long[] {
                  questions.get(0).quizId(),
                  questions.get(0).id(),
                  questions.get(1).id(),
                  questions.get(2).id(),
                  other.get(0).quizId()
                };
              });

      QuizResults results = tx(repos -> repos.quizzes().results(ids[0]));

      assertThat(results.members()).isEqualTo(2);
      assertThat(results.of(ids[1])).isEqualTo(new QuizResults.Tally(2, 1));
      assertThat(results.of(ids[2])).isEqualTo(new QuizResults.Tally(1, 1));
      assertThat(results.of(ids[3])).isEqualTo(new QuizResults.Tally(0, 0));
      assertThat(tx(repos -> repos.quizzes().results(ids[4])).members()).isEqualTo(1);
      assertThat(tx(repos -> repos.quizzes().results(ids[4] + 1000)).nobodyAnswered()).isTrue();
    }

    @Test
    void theLeaderboardRanksMembersWhoAnsweredInTheGroup() {
      tx(
          repos -> {
            Learner ann = repos.learners().add(learner("Ann"), Platform.TELEGRAM, "1");
            Learner ben = repos.learners().add(learner("Ben"), Platform.TELEGRAM, "2");
            repos.learners().add(learner("Cid"), Platform.TELEGRAM, "3");
            StudyGroup group = repos.groups().add(group());
            Enrollment enrollment = enroll(repos, group.owner());
            List<QuizQuestion> questions =
                repos
                    .quizzes()
                    .add(quiz(enrollment, GROUP), List.of(ref("t1", "q1"), ref("t1", "q2")));
            for (QuizQuestion question : questions) {
              repos.quizzes().recordAnswer(answer(question, ann, 1, true));
            }
            repos.quizzes().recordAnswer(answer(questions.get(0), ben, 0, false));
            return null;
          });
      List<LeaderboardRow> board = tx(repos -> repos.quizzes().leaderboard(GROUP));
      assertThat(board)
          .extracting(row -> row.learner().displayName())
          .containsExactly("Ann", "Ben");
      assertThat(board.get(0).statsInGroup().accuracyPercent()).isEqualTo(100);
      assertThat(board.get(0).topicsDone()).isEqualTo(1);
      assertThat(board.get(1).statsInGroup().answered()).isEqualTo(1);
      ChatRef elsewhere = new ChatRef(Platform.TELEGRAM, "-43", ChatKind.GROUP);
      List<LeaderboardRow> none = tx(repos -> repos.quizzes().leaderboard(elsewhere));
      assertThat(none).isEmpty();
    }

    @Test
    void reviewsDeliveredOnADayAreCounted() {
      long count =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                Enrollment enrollment = enroll(repos, learner.owner());
                repos
                    .quizzes()
                    .add(
                        new Quiz(enrollment.id(), "t2", ADA_CHAT, LocalDate.of(2026, 5, 1), NOW),
                        List.of(
                            ref("t2", "q1"),
                            new QuestionRef("t1", "q1", true),
                            new QuestionRef("t1", "q2", true)));
                repos
                    .quizzes()
                    .add(
                        new Quiz(enrollment.id(), "t3", ADA_CHAT, LocalDate.of(2026, 5, 2), NOW),
                        List.of(new QuestionRef("t1", "q3", true)));
                return repos
                    .quizzes()
                    .reviewsDeliveredOn(enrollment.id(), LocalDate.of(2026, 5, 1));
              });
      assertThat(count).isEqualTo(2);
    }
  }

  @Nested
  class ReviewCards {
    @Test
    void cardsAreKeptPerQuestionAndListedOldestDueFirst() {
      Long learner = tx(repos -> repos.learners().add(learner("A"), Platform.TELEGRAM, "1").id());
      tx(
          repos -> {
            repos.cards().add(cardFor(learner, "course", "t1", "late", NOW.plusSeconds(600)));
            repos.cards().add(cardFor(learner, "course", "t1", "early", NOW.plusSeconds(60)));
            repos
                .cards()
                .add(cardFor(learner, "course", "t2", "later", NOW.plusSeconds(86_400 * 3)));
            repos.cards().add(cardFor(learner, "other", "t1", "early", NOW));
            return null;
          });
      tx(
          repos -> {
            assertThat(repos.cards().due(learner, "course", NOW.plusSeconds(3_600), 10))
                .extracting(QuestionCard::questionId)
                .containsExactly("early", "late");
            assertThat(repos.cards().due(learner, "course", NOW.plusSeconds(3_600), 1))
                .extracting(QuestionCard::questionId)
                .containsExactly("early");
            assertThat(repos.cards().dueCount(learner, "course", NOW.plusSeconds(86_400 * 4)))
                .isEqualTo(3);
            assertThat(repos.cards().all(learner, "course")).hasSize(3);
            QuestionCard card = repos.cards().find(learner, "course", "t1", "early").get();
            card.update(card(NOW.plusSeconds(86_400 * 9)));
            return null;
          });
      Instant due = tx(repos -> repos.cards().find(learner, "course", "t1", "early").get().due());
      assertThat(due).isEqualTo(NOW.plusSeconds(86_400 * 9));
      assertThatThrownBy(
              () ->
                  tx(
                      repos -> {
                        repos.cards().add(cardFor(learner, "course", "t1", "early", NOW));
                        return null;
                      }))
          .satisfies(violates("uq_review_card"));
    }
  }

  @Nested
  class DeliverySchedules {
    @Test
    void aScheduleIsCreatedFoundAndChanged() {
      StudyOwner owner =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                repos.schedules().save(lessonSchedule(learner.owner()));
                return learner.owner();
              });
      DeliverySchedule stored =
          tx(repos -> repos.schedules().find(owner, DeliveryKind.LESSON)).get();
      assertThat(stored.id()).isPresent();
      assertThat(stored.localTime()).isEqualTo(LocalTime.of(9, 0));
      assertThat(stored.chat()).isEqualTo(ADA_CHAT);
      assertThat(stored.nextDue()).isEqualTo(Instant.parse("2026-05-02T09:00:00Z"));
      assertThat(found(repos -> repos.schedules().find(owner, DeliveryKind.QUIZ))).isEmpty();

      tx(
          repos -> {
            DeliverySchedule schedule = repos.schedules().find(owner, DeliveryKind.LESSON).get();
            schedule.configure(ZoneId.of("UTC"), LocalTime.of(11, 0), ADA_CHAT, true, NOW);
            repos.schedules().save(schedule);
            return null;
          });

      DeliverySchedule changed =
          tx(repos -> repos.schedules().find(owner, DeliveryKind.LESSON)).get();
      assertThat(changed.localTime()).isEqualTo(LocalTime.of(11, 0));
      assertThat(changed.nextDue()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
      assertThat(rows("select count(*) from delivery_schedule")).isEqualTo(1);
    }

    @Test
    void aGroupsRowsAreApartFromALearnersWithTheSameId() {
      tx(
          repos -> {
            Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
            StudyGroup group = repos.groups().add(group());
            repos.schedules().save(lessonSchedule(learner.owner()));
            repos
                .schedules()
                .save(
                    DeliverySchedule.create(
                        group.owner(),
                        DeliveryKind.LESSON,
                        ZoneId.of("UTC"),
                        LocalTime.of(7, 0),
                        GROUP,
                        true,
                        NOW));
            return null;
          });
      DeliverySchedule groups =
          tx(repos ->
                  repos
                      .schedules()
                      .find(repos.groups().byChat(GROUP).get().owner(), DeliveryKind.LESSON))
              .get();
      assertThat(groups.chat()).isEqualTo(GROUP);
      assertThat(groups.localTime()).isEqualTo(LocalTime.of(7, 0));
    }

    /**
     * A turn that reads a learner's row while the dispatch tick wants to move it on: the tick waits
     * or skips the locked row, and the turn's save never rewinds what the tick wrote.
     */
    @Test
    void aTurnsSaveNeverUndoesTheDispatchTicksAdvance() throws Exception {
      StudyOwner owner =
          tx(
              repos -> {
                Learner learner = repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                repos.schedules().save(lessonSchedule(learner.owner()));
                return learner.owner();
              });
      Instant due = Instant.parse("2026-05-02T09:00:30Z");
      Dispatcher dispatcher =
          new Dispatcher(
              new JdbcDispatchStore(database),
              Clock.fixed(due, ZoneOffset.UTC),
              Duration.ofDays(3));
      CountDownLatch read = new CountDownLatch(1);
      CountDownLatch tickTried = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> turn =
            pool.submit(
                () ->
                    tx(
                        repos -> {
                          DeliverySchedule row =
                              repos.schedules().find(owner, DeliveryKind.LESSON).get();
                          read.countDown();
                          awaitQuietly(tickTried);
                          row.configure(ZoneId.of("UTC"), LocalTime.of(9, 0), ADA_CHAT, true, due);
                          repos.schedules().save(row);
                          return null;
                        }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> tick = pool.submit(dispatcher::tick);
        try {
          // PostgreSQL's tick skips the locked row and is done at once; H2's waits for the lock.
          assertThat(tick.get(300, TimeUnit.MILLISECONDS)).isZero();
        } catch (TimeoutException waitingForTheLock) {
          // H2: the tick claims the row once the turn below commits
        }
        tickTried.countDown();
        turn.get(30, TimeUnit.SECONDS);
        tick.get(30, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      dispatcher.tick(); // the row a skipping tick left is due still

      assertThat(rows("select count(*) from outbox")).isEqualTo(1);
      DeliverySchedule after =
          found(repos -> repos.schedules().find(owner, DeliveryKind.LESSON)).get();
      assertThat(after.nextDue()).isEqualTo(Instant.parse("2026-05-03T09:00:00Z"));
      assertThat(after.lastLocalDate()).contains(LocalDate.of(2026, 5, 2));
    }

    private void awaitQuietly(CountDownLatch latch) {
      try {
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    @Test
    void aRolledBackTransactionStoresNoneOfItsRepositoriesChanges() {
      assertThatThrownBy(
              () ->
                  tx(
                      repos -> {
                        Learner learner =
                            repos.learners().add(learner("A"), Platform.TELEGRAM, "1");
                        repos.schedules().save(lessonSchedule(learner.owner()));
                        throw new IllegalStateException("the turn failed");
                      }))
          .hasMessage("the turn failed");
      assertThat(rows("select count(*) from learner")).isZero();
      assertThat(rows("select count(*) from delivery_schedule")).isZero();
    }
  }

  private static DeliverySchedule lessonSchedule(StudyOwner owner) {
    return DeliverySchedule.create(
        owner, DeliveryKind.LESSON, ZoneId.of("UTC"), LocalTime.of(9, 0), ADA_CHAT, true, NOW);
  }

  private static Enrollment enroll(Repositories repos, StudyOwner owner) {
    return repos.enrollments().add(Enrollment.of(owner, "course", NOW));
  }

  private static Quiz quiz(Enrollment enrollment, ChatRef chat) {
    return new Quiz(enrollment.id(), "t1", chat, LocalDate.of(2026, 5, 1), NOW);
  }

  private static QuizAttempt answer(
      QuizQuestion question, Learner learner, int choice, boolean correct) {
    return new QuizAttempt(question.id(), learner.id(), choice, correct, NOW);
  }

  private static QuestionCard cardFor(
      long learner, String curriculum, String topic, String question, Instant due) {
    return new QuestionCard(learner, curriculum, topic, question, card(due));
  }

  private static ReviewCard card(Instant due) {
    return new ReviewCard(CardState.REVIEW, 0, 3.2, 5.1, due, NOW, 2, 0, 3, 1);
  }

  private static QuestionRef ref(String topic, String question) {
    return new QuestionRef(topic, question, false);
  }

  private static StudyGroup group() {
    return new StudyGroup(GROUP, Language.EN, ZoneId.of("UTC"), NOW);
  }

  private static Learner learner(String name) {
    return new Learner(name, Language.EN, ZoneId.of("UTC"), NOW);
  }
}
