package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.study.Awaiting;
import io.studybot.core.study.Learner;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Onboarding (/start) and /settings: language, time zone, lesson and quiz times. Choices come as
 * buttons or typed text; a bad value gets a reply that says what is expected and changes nothing.
 */
final class SettingsFlow {
  private static final List<String> ZONE_CHOICES =
      List.of(
          "Asia/Shanghai",
          "Asia/Tokyo",
          "Europe/London",
          "Europe/Berlin",
          "America/New_York",
          "America/Los_Angeles",
          "UTC");
  private static final List<String> TIME_CHOICES =
      List.of("07:00", "08:00", "09:00", "12:00", "18:00", "20:00", "21:00");

  private final Consumer<Turn> onboarded;

  /** {@code onboarded} runs when the guided set-up ends: it begins the learner's first day. */
  SettingsFlow(Consumer<Turn> onboarded) {
    this.onboarded = onboarded;
  }

  void start(Turn turn) {
    if (turn.inGroup()) {
      Courses.enrollmentFor(turn);
      turn.say("start.group");
      return;
    }
    turn.reply(
        OutgoingMessage.text(turn.text("start.welcome", turn.learner.displayName()))
            .withButtons(languageButtons()));
  }

  void settings(Turn turn, List<String> args) {
    turn.learner.finishOnboarding(); // choosing settings by hand replaces the guided set-up
    if (args.isEmpty()) {
      showSettings(turn);
      return;
    }
    String value = args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : "";
    switch (args.get(0).toLowerCase(java.util.Locale.ROOT)) {
      case "language", "lang" ->
          Language.fromTag(value)
              .ifPresentOrElse(
                  language -> setLanguage(turn, language),
                  () -> turn.say("settings.bad-language", value));
      case "zone", "tz" -> setZone(turn, value);
      case "lesson" -> setTime(turn, Awaiting.LESSON_TIME, value);
      case "quiz" -> setTime(turn, Awaiting.QUIZ_TIME, value);
      default -> turn.say("settings.usage");
    }
  }

  /** A press on a settings button: a language, zone or time chosen, or a setting to change. */
  void press(Turn turn, Payload payload) {
    if (payload instanceof Payload.ChooseLanguage choice) {
      setLanguage(turn, choice.language());
    } else if (payload instanceof Payload.ChooseZone choice) {
      setZone(turn, choice.zone());
    } else if (payload instanceof Payload.ChooseTime choice) {
      setTime(turn, choice.which(), choice.time());
    } else if (payload instanceof Payload.AskSetting ask) {
      ask(turn, ask.setting());
    } else {
      turn.say("button.stale");
    }
  }

  /** Typed text while a setting is awaited. */
  void typed(Turn turn, Awaiting awaiting, String text) {
    switch (awaiting) {
      case ZONE -> setZone(turn, text);
      case LESSON_TIME, QUIZ_TIME -> setTime(turn, awaiting, text);
    }
  }

  private void ask(Turn turn, Payload.Setting setting) {
    switch (setting) {
      case LANG ->
          turn.reply(
              OutgoingMessage.text(turn.text("ask.language")).withButtons(languageButtons()));
      case ZONE -> askZone(turn);
      case LESSON -> askTime(turn, Awaiting.LESSON_TIME);
      case QUIZ -> askTime(turn, Awaiting.QUIZ_TIME);
    }
  }

  private void setLanguage(Turn turn, Language language) {
    turn.learner.settings().setLanguage(language);
    turn.speak(language);
    if (!turn.learner.onboarded()) {
      askZone(turn);
      return;
    }
    turn.say("settings.language-set");
  }

  private void setZone(Turn turn, String text) {
    Optional<ZoneId> zone = SettingsInput.zone(text);
    if (zone.isEmpty()) {
      turn.say("settings.bad-zone", text.strip());
      return;
    }
    turn.learner.settings().setZone(zone.get());
    if (turn.learner.onboarded()) { // during the guided set-up, the schedule follows at its end
      turn.scheduleChanged();
    }
    turn.learner.stopAwaiting();
    if (!turn.learner.onboarded()) {
      askTime(turn, Awaiting.LESSON_TIME);
      return;
    }
    turn.say("settings.zone-set", zone.get().getId());
  }

  private void setTime(Turn turn, Awaiting which, String text) {
    Optional<LocalTime> time = SettingsInput.time(text);
    if (time.isEmpty()) {
      turn.say("settings.bad-time", text.strip());
      return;
    }
    Learner learner = turn.learner;
    learner.stopAwaiting();
    turn.scheduleChanged();
    if (which == Awaiting.LESSON_TIME) {
      learner.settings().setLessonTime(time.get());
    } else {
      learner.settings().setQuizTime(time.get());
    }
    if (!learner.onboarded()) {
      learner.finishOnboarding();
      String done =
          turn.text("start.done", learner.lessonTime(), learner.quizTime(), learner.zone().getId());
      turn.reply(OutgoingMessage.text(done).withButtons(List.of(List.of(placementButton(turn)))));
      onboarded.accept(turn);
      return;
    }
    turn.say(
        which == Awaiting.LESSON_TIME ? "settings.lesson-set" : "settings.quiz-set", time.get());
  }

  private void showSettings(Turn turn) {
    Learner learner = turn.learner;
    String text =
        turn.text(
            "settings.show",
            turn.text("language.name"),
            learner.zone().getId(),
            learner.lessonTime(),
            learner.quizTime(),
            turn.text(learner.paused() ? "settings.paused" : "settings.active"));
    turn.reply(
        OutgoingMessage.text(text)
            .withButtons(
                List.of(
                    List.of(
                        button(turn, "button.language", Payload.Setting.LANG),
                        button(turn, "button.zone", Payload.Setting.ZONE)),
                    List.of(
                        button(turn, "button.lesson-time", Payload.Setting.LESSON),
                        button(turn, "button.quiz-time", Payload.Setting.QUIZ)))));
  }

  private void askZone(Turn turn) {
    turn.learner.await(Awaiting.ZONE);
    List<List<Button>> rows =
        ZONE_CHOICES.stream()
            .map(zone -> List.of(new Button(zone, new Payload.ChooseZone(zone).token())))
            .toList();
    turn.reply(
        OutgoingMessage.text(turn.text("ask.zone", turn.learner.zone().getId())).withButtons(rows));
  }

  private void askTime(Turn turn, Awaiting which) {
    turn.learner.await(which);
    List<Button> times =
        TIME_CHOICES.stream()
            .map(time -> new Button(time, new Payload.ChooseTime(which, time).token()))
            .toList();
    String key = which == Awaiting.LESSON_TIME ? "ask.lesson-time" : "ask.quiz-time";
    turn.reply(
        OutgoingMessage.text(turn.text(key))
            .withButtons(List.of(times.subList(0, 4), times.subList(4, times.size()))));
  }

  /** Offered at the end of onboarding: a placement test for who knows some of the course. */
  private static Button placementButton(Turn turn) {
    return new Button(
        turn.text("button.placement"), new Payload.RunCommand(BotCommand.PLACEMENT).token());
  }

  private static List<List<Button>> languageButtons() {
    return List.of(
        List.of(
            new Button("中文", new Payload.ChooseLanguage(Language.ZH).token()),
            new Button("English", new Payload.ChooseLanguage(Language.EN).token())));
  }

  private static Button button(Turn turn, String key, Payload.Setting setting) {
    return new Button(turn.text(key), new Payload.AskSetting(setting).token());
  }
}
