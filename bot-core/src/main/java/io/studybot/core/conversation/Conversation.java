package io.studybot.core.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import io.studybot.content.Language;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.inbox.StoredUpdate;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.Repositories;
import io.studybot.core.study.Awaiting;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routes one event to the flow that handles it and collects the replies. */
final class Conversation {
  /** Last-seen times only need to be good to the hour, so most events write nothing for it. */
  private static final java.time.Duration SEEN_RESOLUTION = java.time.Duration.ofHours(1);

  private final LiveCurriculum curriculum;
  private final Messages messages;
  private final StudyFlow study;
  private final AnswerFlow answers;
  private final ProgressViews progress;
  private final SettingsFlow settings;
  private final AccountFlow account;
  private final GroupFlow groups = new GroupFlow();
  private final LinkFlow links = new LinkFlow();
  private final PrivacyFlow privacy = new PrivacyFlow();
  private final DigestView digests = new DigestView();
  private final PlacementFlow placement;
  private final AdminFlow admin;
  private final AnswerShortcut shortcut;

  /** Wrong link codes per account, for the cache's meters. */
  Cache<String, ?> wrongLinkCodes() {
    return links.wrongCodes();
  }

  Conversation(LiveCurriculum curriculum, Messages messages, StudyRules rules, Admins admins) {
    this.curriculum = curriculum;
    this.admin = new AdminFlow(admins, curriculum);
    this.messages = messages;
    Reviews reviews = new Reviews(rules);
    this.study = new StudyFlow(messages, rules, reviews);
    this.answers = new AnswerFlow(messages, reviews, study);
    this.progress = new ProgressViews(reviews);
    this.account = new AccountFlow(rules.maxFrozenDays());
    this.settings = new SettingsFlow(turn -> LessonDays.firstDay(turn, study));
    this.placement = new PlacementFlow(messages, reviews);
    this.shortcut = new AnswerShortcut(curriculum, messages, reviews, SEEN_RESOLUTION);
  }

  /**
   * The replies to an answer pressed in a private chat, when it could be recorded directly; empty
   * for any other event, which {@link #handle} takes.
   */
  Optional<List<Reply>> answerDirectly(
      IncomingEvent event, DirectAnswers store, Optional<StoredUpdate> inboxed, Instant now) {
    return shortcut.answer(event, store, inboxed, now);
  }

  Turn.Handled handle(IncomingEvent event, Repositories repositories, Instant now) {
    Learner learner = learnerFor(event.user(), repositories, now);
    Turn turn = Turn.of(event, repositories, learner, curriculum.current(), messages, now);
    notice(turn, learner);
    if (!AnswerFlow.isPrivateAnswer(event)) {
      LessonDays.closeEndedQuiz(turn, study); // an answer checks the quiz it names instead
    }
    if (event instanceof IncomingEvent.Command command) {
      learner.stopAwaiting(); // a command ends any question the bot was waiting on
      command(turn, command);
    } else if (event instanceof IncomingEvent.ButtonPress press) {
      press(turn, press);
    } else {
      text(turn, (IncomingEvent.Text) event);
    }
    if (turn.hasScheduleChanged() && !turn.isForgotten()) {
      Schedules.sync(turn, learner);
    }
    return turn.handled();
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
  List<Reply> deliver(OutboxEntry entry, Repositories repositories, Instant now) {
    IncomingEvent event = scheduledEvent(entry.chat(), entry.kind().name());
    if (entry.owner().isLearner()) {
      return repositories
          .learners()
          .find(entry.owner().id())
          .map(learner -> deliverToLearner(entry, turnFor(event, repositories, learner, now)))
          .orElse(List.of());
    }
    return repositories
        .groups()
        .find(entry.owner().id())
        .filter(StudyGroup::subscribed)
        .map(group -> deliverStudy(entry, turnFor(event, repositories, group, now)))
        .orElse(List.of());
  }

  private Turn turnFor(
      IncomingEvent event, Repositories repositories, Learner learner, Instant now) {
    return Turn.of(event, repositories, learner, curriculum.current(), messages, now);
  }

  /**
   * A group's scheduled turn: no learner, the group's language and calendar. The flows a delivery
   * runs in a group (the lesson, the group's quiz) never touch the learner.
   */
  @SuppressWarnings("NullAway")
  private Turn turnFor(
      IncomingEvent event, Repositories repositories, StudyGroup group, Instant now) {
    return new Turn(
        event,
        repositories,
        null,
        curriculum.current(),
        messages,
        now,
        group.language(),
        group.zone());
  }

  private List<Reply> deliverToLearner(OutboxEntry entry, Turn turn) {
    if (entry.kind() == DeliveryKind.DORMANT_NOTICE) {
      if (turn.learner.dormant()) {
        return List.of(); // one notice a silence, whichever row queued it
      }
      turn.learner.setDormant(true);
      turn.say("dormant.notice");
      return turn.replies();
    }
    if (!turn.learner.receivesDeliveries()) {
      return List.of(); // paused or silent learners are skipped by broadcasts too
    }
    if (entry.kind() == DeliveryKind.BROADCAST) {
      return AdminFlow.deliver(turn, entry.id());
    }
    LessonDays.closeEndedQuiz(turn, study);
    return deliverStudy(entry, turn);
  }

  private List<Reply> deliverStudy(OutboxEntry entry, Turn turn) {
    if (entry.kind() == DeliveryKind.BROADCAST) {
      return AdminFlow.deliver(turn, entry.id());
    }
    if (entry.kind() == DeliveryKind.DIGEST) {
      digests.digest(turn, entry.localDate());
      return turn.replies();
    }
    if (turn.isGroupDelivery()) {
      LessonDays.closeEarlierGroupQuiz(turn, entry.localDate(), study);
    }
    if (entry.kind() == DeliveryKind.LESSON) {
      Courses.enrollmentFor(turn).startLessonDay(entry.localDate());
      study.today(turn);
    } else {
      study.quiz(turn);
    }
    return turn.replies();
  }

  /** The event a turn needs when the scheduler, not a person, starts it. */
  private static IncomingEvent scheduledEvent(ChatRef chat, String name) {
    PlatformUser scheduler =
        new PlatformUser(chat.platform(), "scheduler", "StudyBot", Optional.empty());
    return new IncomingEvent.Command(scheduler, chat, name, List.of());
  }

  /**
   * The platform refused for good: the learner is treated as gone quiet, a group as unsubscribed.
   */
  void stopDeliveries(OutboxEntry entry, Repositories repositories, Instant now) {
    IncomingEvent event = scheduledEvent(entry.chat(), "stop");
    if (entry.owner().isLearner()) {
      repositories
          .learners()
          .find(entry.owner().id())
          .ifPresent(learner -> silence(learner, turnFor(event, repositories, learner, now)));
    } else {
      repositories
          .groups()
          .find(entry.owner().id())
          .ifPresent(group -> stop(group, turnFor(event, repositories, group, now), false));
    }
  }

  /** The bot can no longer write to this chat: its deliveries stop now. */
  void chatGone(ChatRef chat, Repositories repositories, Instant now) {
    IncomingEvent event = scheduledEvent(chat, "gone");
    if (chat.isGroup()) {
      repositories
          .groups()
          .byChat(chat)
          .ifPresent(group -> stop(group, turnFor(event, repositories, group, now), true));
    } else {
      // A private chat's id is its user's: Telegram's and Discord's direct messages both say so.
      repositories
          .learners()
          .byAccount(chat.platform(), chat.id())
          .ifPresent(learner -> silence(learner, turnFor(event, repositories, learner, now)));
    }
  }

  /** What became of a chat move. */
  enum ChatMove {
    MOVED,
    /** No group at the old id: moved already, or it never studied. */
    NOTHING_TO_MOVE,
    /** Both ids hold a group with progress; neither is merged into the other. */
    BOTH_KEPT
  }

  /**
   * Moves a group to its chat's new id. A group someone already started at the new id (a command
   * typed in the supergroup before the move arrived) gives way if it holds no progress.
   */
  ChatMove chatMoved(ChatRef from, String newChatId, Repositories repositories, Instant now) {
    Optional<StudyGroup> moving = repositories.groups().byChat(from);
    if (moving.isEmpty() || from.id().equals(newChatId)) {
      return ChatMove.NOTHING_TO_MOVE;
    }
    Optional<StudyGroup> newcomer = repositories.groups().byChat(from.withId(newChatId));
    if (newcomer.isPresent()) {
      if (repositories.groups().holdsProgress(newcomer.get())) {
        return ChatMove.BOTH_KEPT;
      }
      repositories.groups().delete(newcomer.get());
    }
    StudyGroup group = moving.get();
    repositories.groups().moveChat(group, newChatId);
    Schedules.sync(turnFor(scheduledEvent(group.chat(), "moved"), repositories, group, now), group);
    return ChatMove.MOVED;
  }

  /** The bot left a whole server: each of its group chats stops as if the bot left it. */
  void serverGone(Platform platform, String server, Repositories repositories, Instant now) {
    for (StudyGroup group : repositories.groups().onServer(platform, server)) {
      IncomingEvent event = scheduledEvent(group.chat(), "gone");
      stop(group, turnFor(event, repositories, group, now), true);
    }
  }

  private static void silence(Learner learner, Turn turn) {
    learner.setDormant(true);
    Schedules.sync(turn, learner);
  }

  private static void stop(StudyGroup group, Turn turn, boolean botRemoved) {
    if (botRemoved) {
      group.removed();
    } else {
      group.unsubscribe();
    }
    Schedules.sync(turn, group);
  }

  /** The person behind an account; a first contact creates them with defaults from the hint. */
  private static Learner learnerFor(PlatformUser user, Repositories repositories, Instant now) {
    Optional<Learner> known = repositories.learners().byAccount(user.platform(), user.externalId());
    if (known.isPresent()) {
      if (!known.get().displayName().equals(user.displayName())) {
        known.get().rename(user.displayName());
      }
      return known.get();
    }
    Language language = Defaults.languageFor(user.languageHint());
    Learner learner = new Learner(user.displayName(), language, Defaults.zoneFor(language), now);
    return repositories.learners().add(learner, user.platform(), user.externalId());
  }

  private void command(Turn turn, IncomingEvent.Command command) {
    if (turn.inGroup()) {
      sayIfBackAfterRemoval(turn);
    }
    if (command.name().equals(AdminFlow.COMMAND) && admin.admits(turn)) {
      admin.admin(turn, command.args());
      return;
    }
    // To anyone not listed, /admin is as unknown as any other word.
    Optional<BotCommand> known = BotCommand.named(command.name());
    if (known.isEmpty()) {
      turn.say("command.unknown", "/" + command.name());
      return;
    }
    run(turn, known.get(), command.args(), command.senderIsChatAdmin());
  }

  private void run(Turn turn, BotCommand command, List<String> args, boolean admin) {
    if (!command.usableIn(turn.chat().kind())) {
      refuseHere(turn, command);
      return;
    }
    if (command.adminOnly() && turn.inGroup() && !admin) {
      Courses.enrollmentFor(turn); // answers in the group's language
      turn.sayPersonally("group.admins-only", "/" + command.command());
      return;
    }
    switch (command) {
      case START -> settings.start(turn);
      case HELP -> help(turn);
      case TODAY -> study.lessonOfTheDay(turn);
      case QUIZ -> study.quiz(turn);
      case NEXT -> study.next(turn);
      case SKIP -> study.skip(turn);
      case REVIEW -> study.review(turn);
      case PROGRESS -> progress.progress(turn);
      case TOPICS -> ProgressViews.topics(turn, args);
      case SETTINGS -> settings.settings(turn, args);
      case PAUSE -> account.pause(turn);
      case RESUME -> account.resume(turn);
      case FORGET -> account.forget(turn);
      case SUBSCRIBE -> groups.subscribe(turn, args);
      case UNSUBSCRIBE -> groups.unsubscribe(turn);
      case LINK -> links.link(turn, args);
      case UNLINK -> links.unlink(turn);
      case PRIVACY -> privacy.privacy(turn, args);
      case PLACEMENT -> placement.start(turn);
    }
  }

  /** The bot was removed from this group and added again: its daily posts wait for /subscribe. */
  private static void sayIfBackAfterRemoval(Turn turn) {
    Optional<StudyGroup> group = turn.groups.byChat(turn.chat());
    if (group.isPresent() && group.get().backAfterRemoval()) {
      turn.speakFor(group.get().language(), group.get().zone());
      turn.say("group.back");
    }
  }

  /** A command used in the wrong kind of chat: say where it works, and change nothing. */
  private static void refuseHere(Turn turn, BotCommand command) {
    if (turn.inGroup()) {
      turn.sayPersonally("personal.only", "/" + command.command());
    } else {
      turn.say("subscribe.group-only");
    }
  }

  private void press(Turn turn, IncomingEvent.ButtonPress press) {
    Optional<Payload> parsed = Payload.parse(press.payload());
    if (parsed.isEmpty()) {
      turn.sayPersonally("button.stale");
      return;
    }
    Payload payload = parsed.get();
    if (payload instanceof Payload.Answer answer) {
      answers.answer(turn, press, answer);
    } else if (payload instanceof Payload.PlacementAnswer answer) {
      placement.answer(turn, press, answer);
    } else if (payload instanceof Payload.Hide hide && !turn.inGroup()) {
      privacy.press(turn, hide);
    } else if (payload instanceof Payload.Forget forget) {
      account.forgetAnswer(turn, forget);
    } else if (payload instanceof Payload.RunCommand run) {
      // A button cannot say who administers a group, so it runs only what anyone may run.
      run(turn, run.command(), List.of(), false);
    } else if (turn.inGroup()) {
      turn.sayPersonally("personal.only", "/settings");
    } else {
      settings.press(turn, payload);
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

  /** The commands of this kind of chat, from the catalog the platforms' menus come from too. */
  private static void help(Turn turn) {
    ChatKind kind = turn.chat().kind();
    List<String> lines = new ArrayList<>();
    lines.add(turn.text(turn.inGroup() ? "help.group.title" : "help.title"));
    for (BotCommand command : BotCommand.menuFor(kind)) {
      lines.add(
          turn.text("help.line", "/" + command.command(), command.description(turn.language())));
    }
    if (turn.inGroup()) {
      lines.add(turn.text("help.group.footer"));
    }
    turn.reply(OutgoingMessage.text(String.join("\n", lines)));
  }
}
