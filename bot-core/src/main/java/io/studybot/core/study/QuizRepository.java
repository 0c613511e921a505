package io.studybot.core.study;

import io.studybot.core.chat.ChatRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Delivered quizzes, their questions and the answers to them, inside one transaction. */
public interface QuizRepository {

  /** Stores a quiz and its questions in the given order. */
  List<QuizQuestion> add(Quiz quiz, List<QuestionRef> questions);

  List<QuizQuestion> questionsOf(long quizId);

  /** The most recent quiz of an enrollment that is still open: a topic quiz, or a review quiz. */
  Optional<Quiz> openQuiz(long enrollmentId, boolean review);

  /** A delivered question with its quiz and their enrollment, in one read: what a button names. */
  Optional<DeliveredQuestion> delivered(long quizQuestionId);

  /** The quiz's questions the learner has not answered yet, in order. */
  List<QuizQuestion> unanswered(long quizId, long learnerId);

  /**
   * Records the learner's one answer to a delivered question, unless they answered it already (a
   * double tap, two devices): then nothing changes and the outcome says so.
   */
  AnswerOutcome recordAnswer(QuizAttempt attempt);

  /** Who answered the quiz, and how each of its questions was answered; missed ones left out. */
  QuizResults results(long quizId);

  /** Ids of a topic's questions the learner has answered, in any quiz. */
  Set<String> answeredQuestionIds(long learnerId, String topicId);

  LearnerStats stats(long learnerId);

  /** Review questions delivered to the enrollment in quizzes of that local day. */
  long reviewsDeliveredOn(long enrollmentId, LocalDate day);

  /**
   * Members who answered quizzes in the group chat, with the topics they studied there, best first;
   * members who hide from group views are left out.
   */
  List<LeaderboardRow> leaderboard(ChatRef group);

  /** When the learner answered questions (not the ones left unanswered) since {@code since}. */
  List<Instant> answerTimes(long learnerId, Instant since);

  /** The group chat's answers and quizzes from {@code from} (inclusive) to {@code to}. */
  GroupWeek groupWeek(ChatRef group, Instant from, Instant to);
}
