package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.review.CardState;
import io.studybot.core.review.ReviewCard;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.LeaderboardRow;
import io.studybot.core.study.Learner;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.Streak;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.ThrowingConsumer;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every study store must do, run against each database we support. */
abstract class StudyRepositoryContract {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final ChatRef GROUP = new ChatRef(Platform.TELEGRAM, "-42", ChatKind.GROUP);

  private DatabaseSettings settings;
  private Database database;
  protected StudyStore store;

  protected abstract DatabaseSettings createDatabase();

  protected void dropDatabase(DatabaseSettings settings) {}

  /**
   * The failure is the database refusing a row by this unique constraint, found in the cause chain
   * as Hibernate reports it (the conversation tells a raced double answer apart this way).
   */
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

  @BeforeEach
  void open() {
    settings = createDatabase();
    database = Database.open(settings);
    store = new HibernateStudyStore(database.sessionFactory());
  }

  @AfterEach
  void close() {
    database.close();
    dropDatabase(settings);
  }

  @Test
  void learnerIsFoundByTheirPlatformAccountWithSettings() {
    Long id =
        store.inTransaction(
            repo -> {
              Learner learner = new Learner("Ada", Language.ZH, ZoneId.of("Asia/Shanghai"), NOW);
              learner.setLessonTime(LocalTime.of(7, 45));
              learner.setStreak(new Streak(3, 5, Optional.of(LocalDate.of(2026, 4, 30))));
              return repo.addLearner(learner, Platform.TELEGRAM, "777").id();
            });
    Learner found =
        store.inTransaction(repo -> repo.learnerByAccount(Platform.TELEGRAM, "777")).orElseThrow();
    assertThat(found.id()).isEqualTo(id);
    assertThat(found.language()).isEqualTo(Language.ZH);
    assertThat(found.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(found.lessonTime()).isEqualTo(LocalTime.of(7, 45));
    assertThat(found.streak()).isEqualTo(new Streak(3, 5, Optional.of(LocalDate.of(2026, 4, 30))));
    Optional<Learner> onDiscord =
        store.inTransaction(repo -> repo.learnerByAccount(Platform.DISCORD, "777"));
    assertThat(onDiscord).isEmpty();
  }

  @Test
  void onePlatformAccountBelongsToOneLearner() {
    store.inTransaction(repo -> repo.addLearner(learner("A"), Platform.TELEGRAM, "1"));
    assertThatThrownBy(
            () ->
                store.inTransaction(repo -> repo.addLearner(learner("B"), Platform.TELEGRAM, "1")))
        .satisfies(violates("uq_platform_account"));
  }

  @Test
  void changesToLoadedLearnersAreStoredAtCommit() {
    store.inTransaction(repo -> repo.addLearner(learner("A"), Platform.CONSOLE, "me"));
    store.inTransaction(
        repo -> {
          repo.learnerByAccount(Platform.CONSOLE, "me").orElseThrow().setPaused(true);
          return null;
        });
    assertThat(
            store
                .inTransaction(repo -> repo.learnerByAccount(Platform.CONSOLE, "me"))
                .orElseThrow()
                .paused())
        .isTrue();
  }

  @Test
  void enrollmentKeepsPositionAndCompletedTopicsOnce() {
    Long enrollmentId =
        store.inTransaction(
            repo -> {
              Learner learner = repo.addLearner(learner("A"), Platform.TELEGRAM, "1");
              Enrollment enrollment =
                  repo.addEnrollment(Enrollment.ofLearner(learner.id(), "course", NOW));
              enrollment.advance();
              repo.markCompleted(enrollment.id(), "t1", NOW);
              repo.markCompleted(enrollment.id(), "t1", NOW);
              return enrollment.id();
            });
    store.inTransaction(
        repo -> {
          Learner learner = repo.learnerByAccount(Platform.TELEGRAM, "1").orElseThrow();
          Enrollment enrollment = repo.learnerEnrollment(learner.id(), "course").orElseThrow();
          assertThat(enrollment.id()).isEqualTo(enrollmentId);
          assertThat(enrollment.position()).isEqualTo(1);
          assertThat(repo.completedTopics(enrollmentId)).containsExactly("t1");
          assertThat(repo.learnerEnrollment(learner.id(), "other")).isEmpty();
          return null;
        });
  }

  @Test
  void quizQuestionsKeepTheirOrderAndTakeOneAnswerPerLearner() {
    long[] ids =
        store.inTransaction(
            repo -> {
              Learner learner = repo.addLearner(learner("A"), Platform.TELEGRAM, "1");
              Enrollment enrollment =
                  repo.addEnrollment(Enrollment.ofLearner(learner.id(), "course", NOW));
              List<QuizQuestion> questions =
                  repo.addQuiz(
                      new Quiz(
                          enrollment.id(),
                          "t1",
                          new ChatRef(Platform.TELEGRAM, "1", ChatKind.PRIVATE),
                          LocalDate.of(2026, 5, 1),
                          NOW),
                      List.of(ref("t1", "q3"), ref("t1", "q1")));
              repo.addAttempt(new QuizAttempt(questions.get(0).id(), learner.id(), 1, true, NOW));
              return new long[] {
                learner.id(), questions.get(0).id(), questions.get(0).quizId(), enrollment.id()
              };
            });
    store.inTransaction(
        repo -> {
          assertThat(repo.questionsOf(ids[2]))
              .extracting(QuizQuestion::questionId)
              .containsExactly("q3", "q1");
          assertThat(repo.answeredInQuiz(ids[2], ids[0])).isEqualTo(1);
          assertThat(repo.answeredQuestionIds(ids[0], "t1")).containsExactly("q3");
          assertThat(repo.attempt(ids[1], ids[0])).isPresent();
          assertThat(repo.openQuiz(ids[3], false)).map(Quiz::id).contains(ids[2]);
          assertThat(repo.stats(ids[0]).answered()).isEqualTo(1);
          return null;
        });
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    repo -> {
                      repo.addAttempt(new QuizAttempt(ids[1], ids[0], 0, false, NOW));
                      return null;
                    }))
        .satisfies(violates("uq_quiz_attempt"));
    long correct = store.inTransaction(repo -> repo.stats(ids[0]).correct());
    assertThat(correct).isEqualTo(1);
  }

  @Test
  void leaderboardRanksMembersWhoAnsweredInTheGroup() {
    store.inTransaction(
        repo -> {
          Learner ann = repo.addLearner(learner("Ann"), Platform.TELEGRAM, "1");
          Learner ben = repo.addLearner(learner("Ben"), Platform.TELEGRAM, "2");
          repo.addLearner(learner("Cid"), Platform.TELEGRAM, "3");
          StudyGroup group =
              repo.addGroup(new StudyGroup(GROUP, Language.EN, ZoneId.of("UTC"), NOW));
          Enrollment enrollment = repo.addEnrollment(Enrollment.ofGroup(group.id(), "course", NOW));
          List<QuizQuestion> questions =
              repo.addQuiz(
                  new Quiz(enrollment.id(), "t1", GROUP, LocalDate.of(2026, 5, 1), NOW),
                  List.of(ref("t1", "q1"), ref("t1", "q2")));
          for (QuizQuestion question : questions) {
            repo.addAttempt(new QuizAttempt(question.id(), ann.id(), 1, true, NOW));
          }
          repo.addAttempt(new QuizAttempt(questions.get(0).id(), ben.id(), 0, false, NOW));
          return null;
        });
    List<LeaderboardRow> board = store.inTransaction(repo -> repo.leaderboard(GROUP));
    assertThat(board).extracting(row -> row.learner().displayName()).containsExactly("Ann", "Ben");
    assertThat(board.get(0).statsInGroup().accuracyPercent()).isEqualTo(100);
    assertThat(board.get(0).topicsDone()).isEqualTo(1);
    assertThat(board.get(1).statsInGroup().answered()).isEqualTo(1);
    Optional<StudyGroup> group = store.inTransaction(repo -> repo.group(GROUP));
    assertThat(group).isPresent();
  }

  @Test
  void deletingALearnerRemovesEverythingTheyOwn() {
    store.inTransaction(
        repo -> {
          Learner learner = repo.addLearner(learner("A"), Platform.TELEGRAM, "1");
          Enrollment enrollment =
              repo.addEnrollment(Enrollment.ofLearner(learner.id(), "course", NOW));
          List<QuizQuestion> questions =
              repo.addQuiz(
                  new Quiz(
                      enrollment.id(),
                      "t1",
                      new ChatRef(Platform.TELEGRAM, "1", ChatKind.PRIVATE),
                      LocalDate.of(2026, 5, 1),
                      NOW),
                  List.of(ref("t1", "q1")));
          repo.addAttempt(new QuizAttempt(questions.get(0).id(), learner.id(), 1, true, NOW));
          repo.markCompleted(enrollment.id(), "t1", NOW);
          return null;
        });
    store.inTransaction(
        repo -> {
          repo.deleteLearner(repo.learnerByAccount(Platform.TELEGRAM, "1").orElseThrow().id());
          return null;
        });
    Optional<Learner> deleted =
        store.inTransaction(repo -> repo.learnerByAccount(Platform.TELEGRAM, "1"));
    assertThat(deleted).isEmpty();
    Long fresh =
        store.inTransaction(repo -> repo.addLearner(learner("A"), Platform.TELEGRAM, "1").id());
    long answered = store.inTransaction(repo -> repo.stats(fresh).answered());
    assertThat(answered).isZero();
  }

  @Test
  void reviewCardsAreKeptPerQuestionAndListedOldestDueFirst() {
    Long learner =
        store.inTransaction(repo -> repo.addLearner(learner("A"), Platform.TELEGRAM, "1").id());
    store.inTransaction(
        repo -> {
          repo.addCard(
              new QuestionCard(learner, "course", "t1", "late", card(NOW.plusSeconds(600))));
          repo.addCard(
              new QuestionCard(learner, "course", "t1", "early", card(NOW.plusSeconds(60))));
          repo.addCard(
              new QuestionCard(
                  learner, "course", "t2", "later", card(NOW.plusSeconds(86_400 * 3))));
          repo.addCard(new QuestionCard(learner, "other", "t1", "early", card(NOW)));
          return null;
        });
    store.inTransaction(
        repo -> {
          assertThat(repo.dueCards(learner, "course", NOW.plusSeconds(3_600), 10))
              .extracting(QuestionCard::questionId)
              .containsExactly("early", "late");
          assertThat(repo.dueCards(learner, "course", NOW.plusSeconds(3_600), 1))
              .extracting(QuestionCard::questionId)
              .containsExactly("early");
          assertThat(repo.dueCount(learner, "course", NOW.plusSeconds(86_400 * 4))).isEqualTo(3);
          assertThat(repo.cards(learner, "course")).hasSize(3);
          QuestionCard card = repo.card(learner, "course", "t1", "early").orElseThrow();
          card.update(card(NOW.plusSeconds(86_400 * 9)));
          return null;
        });
    Instant due =
        store.inTransaction(
            repo -> repo.card(learner, "course", "t1", "early").orElseThrow().due());
    assertThat(due).isEqualTo(NOW.plusSeconds(86_400 * 9));
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    repo -> {
                      repo.addCard(new QuestionCard(learner, "course", "t1", "early", card(NOW)));
                      return null;
                    }))
        .satisfies(violates("uq_review_card"));
  }

  @Test
  void reviewsDeliveredOnADayAreCounted() {
    long count =
        store.inTransaction(
            repo -> {
              Learner learner = repo.addLearner(learner("A"), Platform.TELEGRAM, "1");
              Enrollment enrollment =
                  repo.addEnrollment(Enrollment.ofLearner(learner.id(), "course", NOW));
              ChatRef chat = new ChatRef(Platform.TELEGRAM, "1", ChatKind.PRIVATE);
              repo.addQuiz(
                  new Quiz(enrollment.id(), "t2", chat, LocalDate.of(2026, 5, 1), NOW),
                  List.of(
                      ref("t2", "q1"),
                      new QuestionRef("t1", "q1", true),
                      new QuestionRef("t1", "q2", true)));
              repo.addQuiz(
                  new Quiz(enrollment.id(), "t3", chat, LocalDate.of(2026, 5, 2), NOW),
                  List.of(new QuestionRef("t1", "q3", true)));
              return repo.reviewsDeliveredOn(enrollment.id(), LocalDate.of(2026, 5, 1));
            });
    assertThat(count).isEqualTo(2);
  }

  private static ReviewCard card(Instant due) {
    return new ReviewCard(CardState.REVIEW, 0, 3.2, 5.1, due, NOW, 2, 0, 3, 1);
  }

  private static QuestionRef ref(String topic, String question) {
    return new QuestionRef(topic, question, false);
  }

  private static Learner learner(String name) {
    return new Learner(name, Language.EN, ZoneId.of("UTC"), NOW);
  }
}
