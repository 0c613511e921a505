package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.Learner;
import io.studybot.core.study.StudyRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One event being handled: who sent it, in which chat, the state, and the replies so far. */
final class Turn {
  final IncomingEvent event;
  final StudyRepository repository;
  final Learner learner;
  final Curriculum curriculum;
  final Messages messages;
  final Instant now;
  private Language language;
  private final List<Reply> replies = new ArrayList<>();

  Turn(
      IncomingEvent event,
      StudyRepository repository,
      Learner learner,
      Curriculum curriculum,
      Messages messages,
      Instant now) {
    this.event = event;
    this.repository = repository;
    this.learner = learner;
    this.curriculum = curriculum;
    this.messages = messages;
    this.now = now;
    this.language = learner.language();
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

  /** Replies in another language from here on, such as a group's. */
  void speak(Language language) {
    this.language = language;
  }

  LocalDate learnerToday() {
    return now.atZone(learner.zone()).toLocalDate();
  }

  String text(String key, Object... args) {
    return messages.get(language, key, args);
  }

  void reply(OutgoingMessage message) {
    replies.add(new Reply(event.chat(), message));
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
}
