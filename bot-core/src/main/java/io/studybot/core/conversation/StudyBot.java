package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.i18n.Messages;
import io.studybot.core.schedule.DeliveryPreparer;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.study.StudyStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: adapters hand it events, it answers through their gateways. State changes commit before
 * any reply goes out, so a reply never announces something that was not stored.
 */
public final class StudyBot implements DeliveryPreparer {
  private static final Logger log = LoggerFactory.getLogger(StudyBot.class);

  private final StudyStore store;
  private final Conversation conversation;
  private final Messages messages;
  private final Clock clock;
  private final Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);

  public StudyBot(StudyStore store, Curriculum curriculum, StudyRules rules, Clock clock) {
    this.store = store;
    this.messages = new Messages();
    this.conversation = new Conversation(curriculum, messages, rules);
    this.clock = clock;
  }

  /** Registers the gateway replies to a platform's chats go through. */
  public StudyBot connect(ChatGateway gateway) {
    gateways.put(gateway.platform(), gateway);
    return this;
  }

  /** Handles one event and sends the replies; a failure is logged and answered, never thrown. */
  public void receive(IncomingEvent event) {
    List<Reply> replies;
    try {
      replies =
          store.inTransaction(
              repository -> conversation.handle(event, repository, clock.instant()));
    } catch (RuntimeException e) {
      replies = List.of(new Reply(event.chat(), failureReply(event, e)));
    }
    replies.forEach(this::send);
  }

  @Override
  public List<Reply> prepare(OutboxEntry entry) {
    return store.inTransaction(
        repository -> conversation.deliver(entry, repository, clock.instant()));
  }

  @Override
  public void stopDeliveries(OutboxEntry entry) {
    store.inTransaction(
        repository -> {
          conversation.stopDeliveries(entry, repository, clock.instant());
          return null;
        });
  }

  @Override
  public Optional<ChatGateway> gateway(Platform platform) {
    return Optional.ofNullable(gateways.get(platform));
  }

  private OutgoingMessage failureReply(IncomingEvent event, RuntimeException e) {
    Language language =
        Language.fromTag(event.user().languageHint().orElse("")).orElse(Language.EN);
    if (isDuplicateAnswer(e)) {
      // Two presses raced; the first one's answer stands.
      return OutgoingMessage.text(messages.get(language, "answer.twice")).personal();
    }
    log.error(
        "Could not handle {} from {} user {} in chat {}",
        event.getClass().getSimpleName(),
        event.user().platform(),
        event.user().externalId(),
        event.chat().id(),
        e);
    return OutgoingMessage.text(messages.get(language, "error.internal")).personal();
  }

  private static boolean isDuplicateAnswer(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConstraintViolationException violation
          && String.valueOf(violation.getConstraintName())
              .toLowerCase(Locale.ROOT)
              .contains("uq_quiz_attempt")) {
        return true;
      }
    }
    return false;
  }

  private void send(Reply reply) {
    ChatGateway gateway = gateways.get(reply.chat().platform());
    if (gateway == null) {
      log.error("No gateway for {}; a reply was dropped", reply.chat().platform());
      return;
    }
    try {
      gateway.send(reply.chat(), reply.message());
    } catch (RuntimeException e) {
      log.warn(
          "Sending to {} chat {} failed: {}",
          reply.chat().platform(),
          reply.chat().id(),
          e.toString());
    }
  }
}
