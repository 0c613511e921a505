package io.studybot.core.conversation;

import io.studybot.content.Curriculum;

/** The token an answer button carries, for tools that deliver quiz questions themselves. */
public final class AnswerTokens {
  private AnswerTokens() {}

  /** The token of choice {@code choice} (the curriculum's index) of a delivered question. */
  public static String of(
      Curriculum curriculum, long quizQuestionId, String topicId, String questionId, int choice) {
    return new Payload.Answer(
            quizQuestionId, QuestionPlace.of(curriculum, topicId, questionId), choice)
        .token();
  }
}
