package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.Awaiting;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Routes one event to the flow that handles it and collects the replies. */
final class Conversation {
  private final Curriculum curriculum;
  private final Messages messages;
  private final StudyFlow study;
  private final AnswerFlow answers;
  private final ProgressViews progress;
  private final SettingsFlow settings = new SettingsFlow();
  private final AccountFlow account = new AccountFlow();

  Conversation(Curriculum curriculum, Messages messages, StudyRules rules) {
    this.curriculum = curriculum;
    this.messages = messages;
    Reviews reviews = new Reviews(rules);
    this.study = new StudyFlow(messages, rules, reviews);
    this.answers = new AnswerFlow(messages, reviews);
    this.progress = new ProgressViews(reviews);
  }

  List<Reply> handle(IncomingEvent event, StudyRepository repository, Instant now) {
    Learner learner = learnerFor(event.user(), repository, now);
    Turn turn = new Turn(event, repository, learner, curriculum, messages, now);
    if (event instanceof IncomingEvent.Command command) {
      learner.await(null); // a command ends any question the bot was waiting on
      command(turn, command);
    } else if (event instanceof IncomingEvent.ButtonPress press) {
      press(turn, press);
    } else {
      text(turn, (IncomingEvent.Text) event);
    }
    return turn.replies();
  }

  /** The person behind an account; a first contact creates them with defaults from the hint. */
  private static Learner learnerFor(PlatformUser user, StudyRepository repository, Instant now) {
    Optional<Learner> known = repository.learnerByAccount(user.platform(), user.externalId());
    if (known.isPresent()) {
      if (!known.get().displayName().equals(user.displayName())) {
        known.get().rename(user.displayName());
      }
      return known.get();
    }
    Language language = Defaults.languageFor(user.languageHint());
    Learner learner = new Learner(user.displayName(), language, Defaults.zoneFor(language), now);
    return repository.addLearner(learner, user.platform(), user.externalId());
  }

  private void command(Turn turn, IncomingEvent.Command command) {
    switch (command.name()) {
      case "start" -> settings.start(turn);
      case "help" -> help(turn);
      case "today" -> study.today(turn);
      case "quiz" -> study.quiz(turn);
      case "next" -> study.next(turn);
      case "skip" -> study.skip(turn);
      case "review" -> study.review(turn);
      case "progress" -> progress.progress(turn);
      case "topics" -> ProgressViews.topics(turn, command.args());
      case "settings" -> settings.settings(turn, command.args());
      case "pause" -> account.pause(turn);
      case "resume" -> account.resume(turn);
      case "forget" -> account.forget(turn);
      default -> turn.say("command.unknown", "/" + command.name());
    }
  }

  private void press(Turn turn, IncomingEvent.ButtonPress press) {
    Optional<Payload> payload = Payload.parse(press.payload());
    if (payload.isEmpty()) {
      turn.sayPersonally("button.stale");
      return;
    }
    switch (payload.get().kind()) {
      case Payload.ANSWER -> answers.answer(turn, press, payload.get());
      case Payload.FORGET -> account.forgetAnswer(turn, payload.get());
      case Payload.COMMAND ->
          command(
              turn,
              new IncomingEvent.Command(
                  turn.event.user(), turn.chat(), payload.get().value(), List.of()));
      default -> {
        if (turn.inGroup()) {
          turn.sayPersonally("personal.only", "/settings");
        } else {
          settings.press(turn, payload.get());
        }
      }
    }
  }

  /** Plain text: the answer to a question the bot asked, or else a pointer to /help. */
  private void text(Turn turn, IncomingEvent.Text text) {
    if (turn.inGroup()) {
      return; // people talk to each other in groups; only commands are for the bot
    }
    Optional<Awaiting> awaiting = turn.learner.awaiting();
    if (awaiting.isPresent()) {
      settings.typed(turn, awaiting.get(), text.text());
    } else {
      turn.say("text.unexpected");
    }
  }

  private static void help(Turn turn) {
    turn.say(turn.inGroup() ? "help.group" : "help");
  }
}
