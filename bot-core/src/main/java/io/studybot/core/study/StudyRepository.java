package io.studybot.core.study;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Study state as seen inside one transaction. Entities it returns may be changed in place. */
public interface StudyRepository {

  Optional<Learner> learnerByAccount(Platform platform, String externalId);

  /** Stores a new learner and links the platform account to them. */
  Learner addLearner(Learner learner, Platform platform, String externalId);

  /** Deletes a learner with everything that belongs to them. */
  void deleteLearner(Long learnerId);

  Optional<StudyGroup> group(ChatRef chat);

  StudyGroup addGroup(StudyGroup group);

  Optional<Enrollment> learnerEnrollment(Long learnerId, String curriculumId);

  Optional<Enrollment> groupEnrollment(Long groupId, String curriculumId);

  Enrollment addEnrollment(Enrollment enrollment);

  Set<String> completedTopics(Long enrollmentId);

  /** Records the topic as done; doing so twice changes nothing. */
  void markCompleted(Long enrollmentId, String topicId, Instant now);

  /** Stores a quiz and its questions in the given order. */
  List<QuizQuestion> addQuiz(Quiz quiz, List<QuestionRef> questions);

  Optional<Quiz> quiz(Long quizId);

  Optional<QuizQuestion> quizQuestion(Long quizQuestionId);

  List<QuizQuestion> questionsOf(Long quizId);

  /** The most recent quiz of an enrollment that is still open: a topic quiz, or a review quiz. */
  Optional<Quiz> openQuiz(Long enrollmentId, boolean review);

  Optional<QuizAttempt> attempt(Long quizQuestionId, Long learnerId);

  void addAttempt(QuizAttempt attempt);

  /** How many of the quiz's questions the learner has answered. */
  long answeredInQuiz(Long quizId, Long learnerId);

  /** Ids of a topic's questions the learner has answered, in any quiz. */
  Set<String> answeredQuestionIds(Long learnerId, String topicId);

  LearnerStats stats(Long learnerId);

  Optional<QuestionCard> card(
      Long learnerId, String curriculumId, String topicId, String questionId);

  void addCard(QuestionCard card);

  /** The learner's cards due by {@code until}, oldest due first. */
  List<QuestionCard> dueCards(Long learnerId, String curriculumId, Instant until, int limit);

  long dueCount(Long learnerId, String curriculumId, Instant until);

  /** Every card the learner has, for estimating retention. */
  List<QuestionCard> cards(Long learnerId, String curriculumId);

  /** Review questions delivered to the learner's enrollment in quizzes of that local day. */
  long reviewsDeliveredOn(Long enrollmentId, LocalDate day);

  /** A learner's ({@code learnerId}) or a group's ({@code groupId}) schedule of one kind. */
  Optional<DeliverySchedule> schedule(
      @Nullable Long learnerId, @Nullable Long groupId, DeliveryKind kind);

  void addSchedule(DeliverySchedule schedule);

  Optional<Learner> learner(Long learnerId);

  Optional<StudyGroup> group(Long groupId);

  /**
   * Members who answered quizzes in the group chat, with the topics they studied there, best first.
   */
  List<LeaderboardRow> leaderboard(ChatRef group);
}
