package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.study.Awaiting;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.StudyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Routes one event to the flow that handles it and collects the replies. */
final class Conversation {
  /** Last-seen times only need to be good to the hour, so most events write nothing for it. */
  private static final java.time.Duration SEEN_RESOLUTION = java.time.Duration.ofHours(1);

  private final Curriculum curriculum;
  private final Messages messages;
  private final StudyFlow study;
  private final AnswerFlow answers;
  private final ProgressViews progress;
  private final SettingsFlow settings = new SettingsFlow();
  private final AccountFlow account;
  private final GroupFlow groups = new GroupFlow();

  Conversation(Curriculum curriculum, Messages messages, StudyRules rules) {
    this.curriculum = curriculum;
    this.messages = messages;
    Reviews reviews = new Reviews(rules);
    this.study = new StudyFlow(messages, rules, reviews);
    this.answers = new AnswerFlow(messages, reviews);
    this.progress = new ProgressViews(reviews);
    this.account = new AccountFlow(rules.maxFrozenDays());
  }

  List<Reply> handle(IncomingEvent event, StudyRepository repository, Instant now) {
    Learner learner = learnerFor(event.user(), repository, now);
    Turn turn = Turn.of(event, repository, learner, curriculum, messages, now);
    notice(turn, learner);
    if (event instanceof IncomingEvent.Command command) {
      learner.await(null); // a command ends any question the bot was waiting on
      command(turn, command);
    } else if (event instanceof IncomingEvent.ButtonPress press) {
      press(turn, press);
    } else {
      text(turn, (IncomingEvent.Text) event);
    }
    if (turn.hasScheduleChanged() && !turn.isForgotten()) {
      Schedules.sync(turn, learner);
    }
    return turn.replies();
  }

  /**
   * Remembers that the learner was here: their private chat becomes home for deliveries, and a
   * learner whose deliveries stopped for silence gets them back.
   */
  private static void notice(Turn turn, Learner learner) {
    if (learner
        .lastSeenAt()
        .map(seen -> seen.plus(SEEN_RESOLUTION).isBefore(turn.now))
        .orElse(true)) {
      learner.seen(turn.now);
    }
    if (!turn.inGroup() && learner.moveHome(turn.chat())) {
      turn.scheduleChanged();
    }
    if (learner.dormant()) {
      learner.setDormant(false);
      turn.scheduleChanged();
    }
  }

  /**
   * A queued delivery's messages: the day's lesson (the course moves on one topic a day), the day's
   * quiz, or the notice to a silent learner. Nothing when its owner left or stopped it.
   */
  // A group's turn has no learner: Turn.learner is null there and group paths never read it.
  @SuppressWarnings("NullAway")
  List<Reply> deliver(OutboxEntry entry, StudyRepository repository, Instant now) {
    IncomingEvent event = scheduledEvent(entry, entry.kind().name());
    if (entry.learnerId() != null) {
      return repository
          .learner(entry.learnerId())
          .map(
              learner ->
                  deliverToLearner(
                      entry, Turn.of(event, repository, learner, curriculum, messages, now)))
          .orElse(List.of());
    }
    return repository
        .group(entry.groupId())
        .filter(StudyGroup::subscribed)
        .map(
            group ->
                deliverStudy(
                    entry,
                    new Turn(
                        event,
                        repository,
                        null,
                        curriculum,
                        messages,
                        now,
                        group.language(),
                        group.zone())))
        .orElse(List.of());
  }

  private List<Reply> deliverToLearner(OutboxEntry entry, Turn turn) {
    if (entry.kind() == DeliveryKind.DORMANT_NOTICE) {
      turn.learner.setDormant(true);
      turn.say("dormant.notice");
      return turn.replies();
    }
    return turn.learner.receivesDeliveries() ? deliverStudy(entry, turn) : List.of();
  }

  private List<Reply> deliverStudy(OutboxEntry entry, Turn turn) {
    if (entry.kind() == DeliveryKind.LESSON) {
      Courses.enrollmentFor(turn).startLessonDay(entry.localDate());
      study.today(turn);
    } else {
      study.quiz(turn);
    }
    return turn.replies();
  }

  /** The event a turn needs when the scheduler, not a person, starts it. */
  private static IncomingEvent scheduledEvent(OutboxEntry entry, String name) {
    PlatformUser scheduler =
        new PlatformUser(entry.chat().platform(), "scheduler", "StudyBot", Optional.empty());
    return new IncomingEvent.Command(scheduler, entry.chat(), name, List.of());
  }

  /**
   * The platform refused for good: the learner is treated as gone quiet, a group as unsubscribed.
   */
  // A group's turn has no learner: Turn.learner is null there and group paths never read it.
  @SuppressWarnings("NullAway")
  void stopDeliveries(OutboxEntry entry, StudyRepository repository, Instant now) {
    IncomingEvent event = scheduledEvent(entry, "stop");
    if (entry.learnerId() != null) {
      repository
          .learner(entry.learnerId())
          .ifPresent(
              learner -> {
                learner.setDormant(true);
                Schedules.sync(
                    Turn.of(event, repository, learner, curriculum, messages, now), learner);
              });
    } else {
      repository
          .group(entry.groupId())
          .ifPresent(
              group -> {
                group.unsubscribe();
                Schedules.sync(
                    new Turn(
                        event,
                        repository,
                        null,
                        curriculum,
                        messages,
                        now,
                        group.language(),
                        group.zone()),
                    group);
              });
    }
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
      case "subscribe" -> groups.subscribe(turn, command.args(), command.senderIsChatAdmin());
      case "unsubscribe" -> groups.unsubscribe(turn, command.senderIsChatAdmin());
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
