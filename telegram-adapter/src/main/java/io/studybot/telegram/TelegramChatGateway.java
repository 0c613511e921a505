package io.studybot.telegram;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.RichText;
import io.studybot.core.schedule.Sleeper;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The core's messages as Telegram messages: HTML parse mode, inline keyboards for buttons, long
 * texts split across messages (the buttons go under the last one). A message that replaces another
 * edits it; if the edit fails, it is sent anew. Replies to an update are shown with the update in
 * hand ({@link #reply}), timed deliveries without one ({@link #send}).
 */
public final class TelegramChatGateway implements ChatGateway {
  private static final Logger log = LoggerFactory.getLogger(TelegramChatGateway.class);

  /** Telegram's limit on a callback answer's popup text. */
  static final int MAX_POPUP_LENGTH = 200;

  private final TelegramCalls calls;
  private final TelegramCalls timedCalls;
  private final RateLimits rateLimits;

  private final ReplyPacer pacer;

  TelegramChatGateway(TelegramCalls calls, RateLimits rateLimits) {
    this(calls, rateLimits, new ReplyPacer(rateLimits, Clock.systemUTC(), Sleeper.REAL));
  }

  TelegramChatGateway(TelegramCalls calls, RateLimits rateLimits, ReplyPacer pacer) {
    this.pacer = pacer;
    this.calls = calls;
    this.timedCalls = calls.withoutFloodWaits();
    this.rateLimits = rateLimits;
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /**
   * A timed message, not answering anyone: sent to the chat as it is. A flood wait is not waited
   * out here but thrown, so the sender holds only this chat.
   */
  @Override
  public String send(ChatRef chat, OutgoingMessage message) {
    return post(timedCalls, chat, message.body(), message);
  }

  /**
   * Shows a reply to the update in hand. A personal reply to a button press in a group pops up for
   * the presser; any other personal reply in a group is posted there, addressed to its person.
   */
  void reply(TelegramInteraction interaction, Reply reply) {
    ChatRef chat = reply.chat();
    OutgoingMessage message = reply.message();
    RichText body = message.body();
    boolean answersSender = chat.sameChat(interaction.chat());
    if (message.visibility() == OutgoingMessage.Visibility.PERSONAL
        && chat.isGroup()
        && answersSender) {
      Optional<String> query = interaction.takeCallbackQuery();
      if (query.isPresent()) {
        popup(query.get(), message.plainText());
        return;
      }
      // Telegram has no message only one member of a group sees; say whom it is for.
      body = addressed(body, interaction.senderName());
    }
    pacer.awaitTurn(chat);
    post(calls, chat, body, message);
  }

  private String post(TelegramCalls via, ChatRef chat, RichText body, OutgoingMessage message) {
    List<String> parts = TelegramHtmlRenderer.split(body, TelegramHtmlRenderer.MAX_MESSAGE_LENGTH);
    InlineKeyboardMarkup keyboard = keyboard(message.buttons());
    if (message.replaces().isPresent() && parts.size() == 1) {
      Optional<String> edited = edit(via, chat, message.replaces().get(), parts.get(0), keyboard);
      if (edited.isPresent()) {
        return edited.get();
      }
    }
    String lastId = "";
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      lastId = sendMessage(via, chat, parts.get(i), last ? keyboard : null);
    }
    message.picture().ifPresent(picture -> sendPicture(via, chat, picture));
    return lastId;
  }

  /** The picture after the text, as a photo; if Telegram refuses it, the text has arrived. */
  private void sendPicture(TelegramCalls via, ChatRef chat, Picture picture) {
    SendPhoto photo =
        SendPhoto.builder()
            .chatId(chat.id())
            .messageThreadId(thread(chat))
            .photo(new InputFile(new ByteArrayInputStream(picture.png()), picture.fileName()))
            .caption(picture.description())
            .build();
    try {
      via.execute(photo);
    } catch (DeliveryException e) {
      log.info("Telegram refused a picture in chat {}: {}", chat.id(), e.getMessage());
    }
  }

  private static RichText addressed(RichText body, String name) {
    List<RichText.Block> blocks = new ArrayList<>(body.blocks());
    List<RichText.Span> spans = new ArrayList<>();
    spans.add(new RichText.Bold(name));
    spans.add(new RichText.Plain(": "));
    if (!blocks.isEmpty() && blocks.get(0) instanceof RichText.Paragraph first) {
      spans.addAll(first.spans());
      blocks.set(0, new RichText.Paragraph(spans));
    } else {
      blocks.add(0, new RichText.Paragraph(spans));
    }
    return new RichText(blocks);
  }

  /** The forum topic to post in, or null for the chat's main thread. */
  static @Nullable Integer thread(ChatRef chat) {
    if (chat.topic() == null) {
      return null;
    }
    try {
      return Integer.valueOf(chat.topic());
    } catch (NumberFormatException e) {
      return null; // not a Telegram topic id: the main thread rather than no message
    }
  }

  private String sendMessage(
      TelegramCalls via, ChatRef chat, String html, @Nullable InlineKeyboardMarkup keyboard) {
    SendMessage send =
        SendMessage.builder()
            .chatId(chat.id())
            .messageThreadId(thread(chat))
            .text(html)
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
            .replyMarkup(keyboard)
            .build();
    return via.execute(send).messageId().orElse("");
  }

  /** Edits a message in place; empty when it cannot be, so the caller sends a new one. */
  private Optional<String> edit(
      TelegramCalls via,
      ChatRef chat,
      String messageId,
      String html,
      @Nullable InlineKeyboardMarkup keyboard) {
    int id;
    try {
      id = Integer.parseInt(messageId);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    EditMessageText edit =
        EditMessageText.builder()
            .chatId(chat.id())
            .messageId(id)
            .text(html)
            .parseMode(ParseMode.HTML)
            .replyMarkup(keyboard)
            .build();
    try {
      via.execute(edit);
      return Optional.of(messageId);
    } catch (DeliveryException e) {
      if (e.permanent() || e.retryAfter().isPresent() || e.movedTo().isPresent()) {
        throw e; // sending anew would meet the same answer
      }
      if (e instanceof TelegramCalls.Refused refused
          && refused.description().contains("message is not modified")) {
        return Optional.of(messageId);
      }
      log.info(
          "Editing message {} in chat {} failed ({}); sending it anew",
          id,
          chat.id(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private void popup(String callbackQueryId, String text) {
    String shown = text;
    if (text.length() > MAX_POPUP_LENGTH) {
      int end = MAX_POPUP_LENGTH - 1;
      // Never cut an emoji in half: Telegram refuses text with a lone surrogate.
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      shown = text.substring(0, end) + "…";
    }
    calls.execute(
        AnswerCallbackQuery.builder()
            .callbackQueryId(callbackQueryId)
            .text(shown)
            .showAlert(true)
            .build());
  }

  /** Stops the spinner on a pressed button that got no popup. */
  void acknowledge(String callbackQueryId) {
    calls.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
  }

  static @Nullable InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    List<InlineKeyboardRow> keyboard =
        rows.stream()
            .map(
                row ->
                    new InlineKeyboardRow(
                        row.stream()
                            .map(
                                button ->
                                    InlineKeyboardButton.builder()
                                        .text(button.label())
                                        .callbackData(button.payload())
                                        .build())
                            .toList()))
            .toList();
    return new InlineKeyboardMarkup(keyboard);
  }
}
