package io.studybot.core.conversation;

import static java.util.Objects.requireNonNull;

import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.study.Awaiting;
import java.util.Locale;
import java.util.Optional;

/**
 * What a button asks for, as a short token ({@code kind:value}) the platforms carry back. Tokens
 * are parsed here and only here; whatever they name is checked again when pressed, so a forged or
 * stale token changes nothing.
 */
sealed interface Payload {

  /** The token a button carries. */
  String token();

  /**
   * An answer to a delivered question: {@code a:<delivered question id>:<topic>:<question>:<choice
   * index>}, where the place of the question in the curriculum may be missing (buttons sent before
   * it was added: {@code a:<delivered question id>:<choice index>}).
   */
  record Answer(long quizQuestionId, Optional<QuestionPlace> place, int choice) implements Payload {
    Answer(long quizQuestionId, int choice) {
      this(quizQuestionId, Optional.empty(), choice);
    }

    @Override
    public String token() {
      String at = place.map(p -> p.topic() + ":" + p.question() + ":").orElse("");
      return "a:" + quizQuestionId + ":" + at + choice;
    }
  }

  /** A language chosen: {@code lang:zh}. */
  record ChooseLanguage(Language language) implements Payload {
    public ChooseLanguage {
      requireNonNull(language, "language");
    }

    @Override
    public String token() {
      return "lang:" + language.code();
    }
  }

  /** A time zone chosen: {@code zone:Europe/Berlin}; checked like a typed zone. */
  record ChooseZone(String zone) implements Payload {
    @Override
    public String token() {
      return "zone:" + zone;
    }
  }

  /** A lesson ({@code lt:08:00}) or quiz ({@code qt:20:00}) time chosen. */
  record ChooseTime(Awaiting which, String time) implements Payload {
    public ChooseTime {
      if (which != Awaiting.LESSON_TIME && which != Awaiting.QUIZ_TIME) {
        throw new IllegalArgumentException("not a time: " + which);
      }
    }

    @Override
    public String token() {
      return (which == Awaiting.LESSON_TIME ? "lt:" : "qt:") + time;
    }
  }

  /** A setting to change, asked for next: {@code set:zone}. */
  record AskSetting(Setting setting) implements Payload {
    @Override
    public String token() {
      return "set:" + setting.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The settings a button can ask for. */
  enum Setting {
    LANG,
    ZONE,
    LESSON,
    QUIZ
  }

  /** The answer to /forget's question: {@code forget:yes} or {@code forget:no}. */
  record Forget(boolean confirmed) implements Payload {
    @Override
    public String token() {
      return "forget:" + (confirmed ? "yes" : "no");
    }
  }

  /** Hiding from group leaderboards and digests, or appearing again: {@code hide:yes}. */
  record Hide(boolean hidden) implements Payload {
    @Override
    public String token() {
      return "hide:" + (hidden ? "yes" : "no");
    }
  }

  /** A command run by a button, such as the lesson's "Take the quiz": {@code cmd:quiz}. */
  record RunCommand(BotCommand command) implements Payload {
    @Override
    public String token() {
      return "cmd:" + command.command();
    }
  }

  /**
   * An answer to the question on screen in a placement test: {@code pl:<placement id>:<questions
   * answered before it>:<choice index>}.
   */
  record PlacementAnswer(long placementId, int asked, int choice) implements Payload {
    @Override
    public String token() {
      return "pl:" + placementId + ":" + asked + ":" + choice;
    }
  }

  /** Reads a token; empty when it is not one the bot makes. */
  static Optional<Payload> parse(String token) {
    int colon = token.indexOf(':');
    if (colon <= 0 || colon == token.length() - 1) {
      return Optional.empty();
    }
    String value = token.substring(colon + 1);
    return switch (token.substring(0, colon)) {
      case "a" -> answer(value);
      case "lang" -> Language.fromTag(value).map(ChooseLanguage::new);
      case "zone" -> Optional.of(new ChooseZone(value));
      case "lt" -> Optional.of(new ChooseTime(Awaiting.LESSON_TIME, value));
      case "qt" -> Optional.of(new ChooseTime(Awaiting.QUIZ_TIME, value));
      case "set" -> setting(value).map(AskSetting::new);
      case "forget" -> Optional.of(new Forget(value.equals("yes")));
      case "hide" -> Optional.of(new Hide(value.equals("yes")));
      case "cmd" -> BotCommand.named(value).map(RunCommand::new);
      case "pl" -> placementAnswer(value);
      default -> Optional.empty();
    };
  }

  private static Optional<Payload> answer(String value) {
    Optional<Payload> placed =
        numbers(value, 4)
            .map(
                n ->
                    new Answer(
                        n[0], Optional.of(new QuestionPlace((int) n[1], (int) n[2])), (int) n[3]));
    return placed.isPresent() ? placed : numbers(value, 2).map(n -> new Answer(n[0], (int) n[1]));
  }

  private static Optional<Payload> placementAnswer(String value) {
    return numbers(value, 3).map(n -> new PlacementAnswer(n[0], (int) n[1], (int) n[2]));
  }

  /**
   * Exactly {@code count} colon-separated numbers, none negative, all after the first within an
   * {@code int}; empty for anything else.
   */
  private static Optional<long[]> numbers(String value, int count) {
    String[] parts = value.split(":", -1);
    if (parts.length != count) {
      return Optional.empty();
    }
    long[] numbers = new long[count];
    try {
      numbers[0] = Long.parseLong(parts[0]);
      for (int i = 1; i < count; i++) {
        numbers[i] = Integer.parseInt(parts[i]);
        if (numbers[i] < 0) {
          return Optional.empty();
        }
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(numbers);
  }

  private static Optional<Setting> setting(String value) {
    for (Setting setting : Setting.values()) {
      if (setting.name().equalsIgnoreCase(value)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}
