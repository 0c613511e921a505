package io.studybot.core.conversation;

import java.util.Optional;

/**
 * Button tokens. They are short and name a server-side record or choice; everything they name is
 * checked again when pressed, so a forged or stale token changes nothing.
 */
record Payload(String kind, String value) {
  static final String ANSWER = "a";
  static final String LANGUAGE = "lang";
  static final String ZONE = "zone";
  static final String LESSON_TIME = "lt";
  static final String QUIZ_TIME = "qt";
  static final String SETTING = "set";
  static final String FORGET = "forget";
  static final String COMMAND = "cmd";

  static String of(String kind, Object value) {
    return kind + ":" + value;
  }

  static Optional<Payload> parse(String token) {
    int colon = token.indexOf(':');
    if (colon <= 0 || colon == token.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Payload(token.substring(0, colon), token.substring(colon + 1)));
  }

  /** An answer token {@code a:<delivered question id>:<option index>}. */
  static String answer(long quizQuestionId, int choice) {
    return ANSWER + ":" + quizQuestionId + ":" + choice;
  }

  // split() drops trailing empty parts, so "5:" has one part and is refused here.
  @SuppressWarnings("StringSplitter")
  Optional<long[]> answerParts() {
    String[] parts = value.split(":");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
