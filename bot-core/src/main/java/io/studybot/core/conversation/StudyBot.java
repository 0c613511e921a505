package io.studybot.core.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.StoreUnavailableException;
import io.studybot.core.i18n.Messages;
import io.studybot.core.inbox.InboxTurn;
import io.studybot.core.inbox.StoredUpdate;
import io.studybot.core.schedule.DeliveryPreparer;
import io.studybot.core.schedule.OutboxEntry;
import io.studybot.core.state.StudyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: adapters hand it events and get the replies back; the sender asks it for the messages of
 * a queued delivery. State changes commit before the replies are returned, so a reply never
 * announces something that was not stored.
 */
public final class StudyBot implements ChatHandler, ChatLifecycle, DeliveryPreparer {
  private static final Logger log = LoggerFactory.getLogger(StudyBot.class);

  private final StudyStore store;
  private final Conversation conversation;
  private final Messages messages;
  private final Clock clock;
  private final MeterRegistry registry;
  private final UpdateMetrics metrics;

  /** A bot whose meters go nowhere: for tests, benchmarks and tools. */
  public StudyBot(StudyStore store, Curriculum curriculum, StudyRules rules, Clock clock) {
    this(store, LiveCurriculum.fixed(curriculum), rules, clock, Admins.NONE);
  }

  /** A bot that counts and times the events it handles in {@code registry}. */
  public StudyBot(
      StudyStore store,
      Curriculum curriculum,
      StudyRules rules,
      Clock clock,
      MeterRegistry registry) {
    this(store, LiveCurriculum.fixed(curriculum), rules, clock, Admins.NONE, registry);
  }

  /** A bot whose operators may reload its curriculum from its source ({@code /admin reload}). */
  public StudyBot(
      StudyStore store, LiveCurriculum curriculum, StudyRules rules, Clock clock, Admins admins) {
    this(store, curriculum, rules, clock, admins, new CompositeMeterRegistry());
  }

  /** The bot with operators and meters. */
  public StudyBot(
      StudyStore store,
      LiveCurriculum curriculum,
      StudyRules rules,
      Clock clock,
      Admins admins,
      MeterRegistry registry) {
    this.store = store;
    this.messages = new Messages();
    this.conversation = new Conversation(curriculum, messages, rules, admins);
    this.clock = clock;
    this.registry = registry;
    this.metrics = new UpdateMetrics(registry);
    CaffeineCacheMetrics.monitor(registry, conversation.wrongLinkCodes(), "link_wrong_codes");
  }

  @Override
  public List<Reply> handle(IncomingEvent event) {
    Optional<List<Reply>> committed = InboxTurn.committedReplies();
    if (committed.isPresent()) {
      return committed.get();
    }
    Optional<StoredUpdate> inboxed = InboxTurn.current();
    long start = registry.config().clock().monotonicTime();
    try {
      Optional<List<Reply>> direct =
          conversation.answerDirectly(event, store.directAnswers(), inboxed, clock.instant());
      List<Reply> replies = direct.isPresent() ? direct.get() : turn(event, inboxed);
      metrics.handled(event, since(start), false);
      if (direct.isPresent()) {
        metrics.answeredDirectly(event);
      }
      return replies;
    } catch (StoreUnavailableException e) {
      metrics.handled(event, since(start), true);
      if (inboxed.isPresent()) {
        throw e;
      }
      log.warn("Could not handle an event: the database cannot be reached");
      return apology(event);
    } catch (RuntimeException e) {
      metrics.handled(event, since(start), true);
      log.error(
          "Could not handle {} from {} user {} in chat {}",
          event.getClass().getSimpleName(),
          event.user().platform(),
          event.user().externalId(),
          event.chat().id(),
          e);
      return apology(event);
    }
  }

  /** The event handled in a transaction through the repositories. */
  private List<Reply> turn(IncomingEvent event, Optional<StoredUpdate> inboxed) {
    Turn.Handled handled =
        store.inTransaction(
            repositories -> {
              Turn.Handled turn = conversation.handle(event, repositories, clock.instant());
              inboxed.ifPresent(
                  update -> repositories.inbox().handled(update.id(), turn.replies()));
              return turn;
            });
    handled.afterCommit().forEach(Runnable::run);
    return handled.replies();
  }

  private Duration since(long start) {
    return Duration.ofNanos(registry.config().clock().monotonicTime() - start);
  }

  /** The user gets an apology in their language. */
  private List<Reply> apology(IncomingEvent event) {
    Language language =
        Language.fromTag(event.user().languageHint().orElse("")).orElse(Language.EN);
    OutgoingMessage sorry = OutgoingMessage.text(messages.get(language, "error.internal"));
    return List.of(new Reply(event.chat(), sorry.personal()));
  }

  @Override
  public List<Reply> prepare(OutboxEntry entry) {
    return store.inTransaction(
        repositories -> conversation.deliver(entry, repositories, clock.instant()));
  }

  @Override
  public void stopDeliveries(OutboxEntry entry) {
    store.inTransaction(
        repositories -> {
          conversation.stopDeliveries(entry, repositories, clock.instant());
          return null;
        });
  }

  @Override
  public void chatMoved(OutboxEntry entry, String newChatId) {
    chatMoved(entry.chat(), newChatId);
  }

  @Override
  public void chatGone(ChatRef chat) {
    log.info("{} chat {} is out of reach; its deliveries stop", chat.platform(), chat.id());
    store.inTransaction(
        repositories -> {
          conversation.chatGone(chat, repositories, clock.instant());
          return null;
        });
  }

  @Override
  public void chatMoved(ChatRef from, String newChatId) {
    Conversation.ChatMove move =
        store.inTransaction(
            repositories -> conversation.chatMoved(from, newChatId, repositories, clock.instant()));
    switch (move) {
      case MOVED -> log.info("{} chat {} moved to {}", from.platform(), from.id(), newChatId);
      case BOTH_KEPT ->
          log.warn(
              "{} chat {} moved to {}, where another group already has progress; both are kept",
              from.platform(),
              from.id(),
              newChatId);
      case NOTHING_TO_MOVE -> log.debug("{} chat {}: nothing to move", from.platform(), from.id());
    }
  }

  @Override
  public void serverGone(Platform platform, String server) {
    log.info("{} server {} is out of reach; deliveries to its chats stop", platform, server);
    store.inTransaction(
        repositories -> {
          conversation.serverGone(platform, server, repositories, clock.instant());
          return null;
        });
  }
}
