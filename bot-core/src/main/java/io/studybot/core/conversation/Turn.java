package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.schedule.DeliveryScheduleRepository;
import io.studybot.core.state.OperatorRepository;
import io.studybot.core.state.Repositories;
import io.studybot.core.study.EnrollmentRepository;
import io.studybot.core.study.GroupRepository;
import io.studybot.core.study.Learner;
import io.studybot.core.study.LearnerRepository;
import io.studybot.core.study.QuizRepository;
import io.studybot.core.study.ReviewCardRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One event being handled, or one scheduled delivery being prepared: who it is for, in which chat,
 * the state, and the replies so far. A group's scheduled delivery has no learner.
 */
final class Turn {
  final IncomingEvent event;
  final LearnerRepository learners;
  final GroupRepository groups;
  final EnrollmentRepository enrollments;
  final QuizRepository quizzes;
  final ReviewCardRepository cards;
  final DeliveryScheduleRepository schedules;
  final OperatorRepository operators;
  final Learner learner;
  final Curriculum curriculum;
  final Messages messages;
  final Instant now;
  private Language language;
  private ZoneId zone;
  private boolean scheduleChanged;
  private boolean forgotten;
  private final List<Reply> replies = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();

  Turn(
      IncomingEvent event,
      Repositories repositories,
      Learner learner,
      Curriculum curriculum,
      Messages messages,
      Instant now,
      Language language,
      ZoneId zone) {
    this.event = event;
    this.learners = repositories.learners();
    this.groups = repositories.groups();
    this.enrollments = repositories.enrollments();
    this.quizzes = repositories.quizzes();
    this.cards = repositories.cards();
    this.schedules = repositories.schedules();
    this.operators = repositories.operators();
    this.learner = learner;
    this.curriculum = curriculum;
    this.messages = messages;
    this.now = now;
    this.language = language;
    this.zone = zone;
  }

  static Turn of(
      IncomingEvent event,
      Repositories repositories,
      Learner learner,
      Curriculum curriculum,
      Messages messages,
      Instant now) {
    return new Turn(
        event,
        repositories,
        learner,
        curriculum,
        messages,
        now,
        learner.language(),
        learner.zone());
  }

  /** A group's scheduled delivery: nobody in particular is there, only the group. */
  boolean isGroupDelivery() {
    return learner == null;
  }

  ChatRef chat() {
    return event.chat();
  }

  boolean inGroup() {
    return event.chat().isGroup();
  }

  Language language() {
    return language;
  }

  /** Replies in a group's language and keeps its calendar from here on. */
  void speakFor(Language language, ZoneId zone) {
    this.language = language;
    this.zone = zone;
  }

  /** Replies in another language from here on, such as the presser's own. */
  void speak(Language language) {
    this.language = language;
  }

  /** The time zone of whoever the turn is for: the learner, or the group. */
  ZoneId zone() {
    return zone;
  }

  /** Today in the calendar of whoever the turn is for: the learner, or the group. */
  LocalDate today() {
    return now.atZone(zone).toLocalDate();
  }

  /** Today in the learner's own calendar, which their streak counts in. */
  LocalDate learnerToday() {
    return now.atZone(learner.zone()).toLocalDate();
  }

  /** Notes that settings which time deliveries changed, so the schedule follows. */
  void scheduleChanged() {
    scheduleChanged = true;
  }

  boolean hasScheduleChanged() {
    return scheduleChanged;
  }

  /** The learner was deleted in this turn; nothing more may be stored for them. */
  void forget() {
    forgotten = true;
  }

  boolean isForgotten() {
    return forgotten;
  }

  String text(String key, Object... args) {
    return messages.get(language, key, args);
  }

  void reply(OutgoingMessage message) {
    replies.add(new Reply(event.chat(), message));
  }

  /** A message to another chat than the event's, such as the learner's private chat. */
  void replyIn(ChatRef chat, OutgoingMessage message) {
    replies.add(new Reply(chat, message));
  }

  void say(String key, Object... args) {
    reply(OutgoingMessage.text(text(key, args)));
  }

  /** A reply only the sender should see, in a shared chat. */
  void sayPersonally(String key, Object... args) {
    reply(OutgoingMessage.text(text(key, args)).personal());
  }

  List<Reply> replies() {
    return List.copyOf(replies);
  }

  /** Something to do once the turn's changes are stored, and only then. */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** The replies, and what must happen once the turn has committed. */
  Handled handled() {
    return new Handled(replies(), List.copyOf(afterCommit));
  }

  /** What handling an event produced. */
  record Handled(List<Reply> replies, List<Runnable> afterCommit) {}
}
