package io.studybot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.ShowLaterException;
import io.studybot.core.chat.StoreUnavailableException;
import io.studybot.core.inbox.InboxUpdate;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles one update from the inbox (which already skipped redeliveries): tells the core about
 * changes to the chat itself, maps the rest, hands the event to the core, shows the replies, and
 * answers a button's callback query when no reply did, or at once if the turn takes too long. A
 * failure is logged; only a database out of reach is passed on, so the inbox keeps the update and
 * hands it over again.
 */
final class TelegramUpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

  private final ChatHandler bot;
  private final ChatLifecycle lifecycle;
  private final TelegramUpdateMapper mapper;
  private final TelegramChatGateway gateway;
  private final TelegramChatAdmins admins;
  private final CallbackDeadline deadline;
  private final ObjectMapper json;

  TelegramUpdateHandler(
      ChatHandler bot,
      ChatLifecycle lifecycle,
      TelegramUpdateMapper mapper,
      TelegramChatGateway gateway,
      TelegramChatAdmins admins,
      CallbackDeadline deadline,
      ObjectMapper json) {
    this.json = json;
    this.bot = bot;
    this.lifecycle = lifecycle;
    this.mapper = mapper;
    this.gateway = gateway;
    this.admins = admins;
    this.deadline = deadline;
  }

  /** Reads a stored update and handles it. */
  void handleStored(InboxUpdate stored) {
    Update update;
    try {
      update = json.readValue(stored.payload(), Update.class);
    } catch (IOException e) {
      log.warn("Dropped stored Telegram update {}: {}", stored.updateId(), e.getMessage());
      return;
    }
    handle(update);
  }

  void handle(Update update) {
    try {
      Optional<TelegramUpdateMapper.ChatChange> change = mapper.chatChange(update);
      if (change.isPresent()) {
        tell(change.get());
        return;
      }
      Optional<TelegramUpdateMapper.Inbound> inbound = mapper.map(update);
      if (inbound.isPresent()) {
        deliver(inbound.get());
      } else if (update.hasCallbackQuery()) {
        acknowledge(update.getCallbackQuery().getId());
      }
    } catch (StoreUnavailableException | ShowLaterException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("Could not handle Telegram update {}", update.getUpdateId(), e);
    }
  }

  private void deliver(TelegramUpdateMapper.Inbound inbound) {
    IncomingEvent event = withAdminWord(inbound.event());
    TelegramInteraction interaction =
        new TelegramInteraction(
            event.chat(), event.user().displayName(), inbound.callbackQueryId());
    // A slow turn must not leave the button spinning: the query is answered without a popup, and
    // replies meant for one become messages, as a second personal reply does.
    Runnable disarm =
        inbound.callbackQueryId().isPresent()
            ? deadline.arm(() -> interaction.takeCallbackQuery().ifPresent(this::acknowledge))
            : () -> {};
    try {
      for (Reply reply : bot.handle(event)) {
        show(interaction, reply);
      }
    } finally {
      disarm.run();
      interaction.takeCallbackQuery().ifPresent(this::acknowledge);
    }
  }

  /** Tells the core what happened to a chat itself. */
  private void tell(TelegramUpdateMapper.ChatChange change) {
    if (change instanceof TelegramUpdateMapper.ChatMoved moved) {
      lifecycle.chatMoved(moved.from(), moved.newChatId());
    } else if (change instanceof TelegramUpdateMapper.ChatGone gone) {
      lifecycle.chatGone(gone.chat());
    }
  }

  /**
   * Shows one reply. A reply Telegram refused for good is logged and the others still go out; one
   * it did not answer makes the inbox hand the update over again. A reply to a group that has just
   * become a supergroup moves the group and goes to the new id.
   */
  private void show(TelegramInteraction interaction, Reply reply) {
    try {
      gateway.reply(interaction, reply);
    } catch (DeliveryException e) {
      if (e.movedTo().isPresent()) {
        lifecycle.chatMoved(reply.chat(), e.movedTo().get());
        showMoved(interaction, reply, e.movedTo().get());
        return;
      }
      if (!e.permanent()) {
        // Telegram did not answer: the inbox hands the update over again with the same replies.
        throw new ShowLaterException("replying in a Telegram chat failed", e);
      }
      log.warn("Replying in Telegram chat {} failed: {}", reply.chat().id(), e.getMessage());
    }
  }

  private void showMoved(TelegramInteraction interaction, Reply reply, String newChatId) {
    try {
      gateway.reply(interaction, new Reply(reply.chat().withId(newChatId), reply.message()));
    } catch (DeliveryException e) {
      log.warn("Replying in Telegram chat {} failed: {}", newChatId, e.getMessage());
    }
  }

  /** Tells the core whether the sender administers the group, where the command needs it. */
  private IncomingEvent withAdminWord(IncomingEvent event) {
    if (event instanceof IncomingEvent.Command command
        && !command.senderIsChatAdmin()
        && TelegramChatAdmins.matters(command.name(), command.chat())
        && admins.isAdmin(command.chat(), command.user())) {
      return command.asChatAdmin();
    }
    return event;
  }

  private void acknowledge(String callbackQueryId) {
    if (callbackQueryId == null) {
      return;
    }
    try {
      gateway.acknowledge(callbackQueryId);
    } catch (DeliveryException e) {
      // The button still works; only the client's spinner runs until it times out.
      log.info("Answering callback query failed: {}", e.getMessage());
    }
  }
}
