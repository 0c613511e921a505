package io.studybot.telegram;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import java.util.Optional;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram update into a core event: a text message into a command or a text, a callback
 * query into a button press. Updates the core has no use for (edits, channel posts, stickers,
 * members joining, commands meant for another bot in a group) map to nothing.
 */
final class TelegramUpdateMapper {

  /** A core event, with the callback query to answer when it came from a button. */
  record Inbound(IncomingEvent event, Optional<String> callbackQueryId) {}

  private final Supplier<Optional<String>> botUsername;

  /**
   * @param botUsername the bot's own username, once known, to tell {@code /cmd@ThisBot} from {@code
   *     /cmd@OtherBot}
   */
  TelegramUpdateMapper(Supplier<Optional<String>> botUsername) {
    this.botUsername = botUsername;
  }

  Optional<Inbound> map(Update update) {
    if (update.hasCallbackQuery()) {
      return buttonPress(update.getCallbackQuery());
    }
    if (update.hasMessage()) {
      return message(update.getMessage());
    }
    return Optional.empty();
  }

  private Optional<Inbound> message(Message message) {
    Optional<ChatRef> chat = chat(message.getChat());
    if (!message.hasText() || message.getFrom() == null || chat.isEmpty()) {
      return Optional.empty();
    }
    boolean anonymousAdmin = isAnonymousAdmin(message);
    if (Boolean.TRUE.equals(message.getFrom().getIsBot()) && !anonymousAdmin) {
      return Optional.empty();
    }
    String text = message.getText();
    if (isForAnotherBot(text)) {
      return Optional.empty();
    }
    PlatformUser sender =
        anonymousAdmin ? anonymousAdmin(message.getChat()) : user(message.getFrom());
    IncomingEvent event = IncomingEvent.parse(sender, chat.get(), text);
    if (anonymousAdmin && event instanceof IncomingEvent.Command command) {
      event = command.asChatAdmin(); // only a group's admins can post as the group itself
    }
    return Optional.of(new Inbound(event, Optional.empty()));
  }

  /** A message the group sends as itself comes from one of its admins, writing anonymously. */
  private static boolean isAnonymousAdmin(Message message) {
    Chat senderChat = message.getSenderChat();
    return senderChat != null
        && senderChat.getId() != null
        && senderChat.getId().equals(message.getChat().getId());
  }

  /** Anonymous admins are one person to the bot: the group's admins, named after the group. */
  private static PlatformUser anonymousAdmin(Chat group) {
    String title = blankToEmpty(group.getTitle());
    return new PlatformUser(
        Platform.TELEGRAM,
        "admins-of-" + group.getId(),
        title.isEmpty() ? "Group admins" : title + " admins",
        Optional.empty());
  }

  private Optional<Inbound> buttonPress(CallbackQuery query) {
    MaybeInaccessibleMessage message = query.getMessage();
    if (message == null || query.getData() == null || query.getFrom() == null) {
      return Optional.empty();
    }
    Optional<ChatRef> chat = chat(message.getChat());
    if (chat.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> messageId =
        Optional.ofNullable(message.getMessageId()).filter(id -> id > 0).map(String::valueOf);
    IncomingEvent event =
        new IncomingEvent.ButtonPress(
            user(query.getFrom()), chat.get(), query.getData(), messageId);
    return Optional.of(new Inbound(event, Optional.ofNullable(query.getId())));
  }

  /** {@code /today@OtherBot} in a group is addressed to someone else. */
  private boolean isForAnotherBot(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("/")) {
      return false;
    }
    String word = trimmed.split("\\s+", 2)[0];
    int at = word.indexOf('@');
    if (at < 0) {
      return false;
    }
    String addressee = word.substring(at + 1);
    return botUsername.get().map(name -> !name.equalsIgnoreCase(addressee)).orElse(false);
  }

  static PlatformUser user(User from) {
    return new PlatformUser(
        Platform.TELEGRAM,
        String.valueOf(from.getId()),
        displayName(from),
        Optional.ofNullable(from.getLanguageCode()).filter(code -> !code.isBlank()));
  }

  static String displayName(User from) {
    String first = blankToEmpty(from.getFirstName());
    String last = blankToEmpty(from.getLastName());
    String name = (first + " " + last).strip();
    if (!name.isEmpty()) {
      return name;
    }
    String username = blankToEmpty(from.getUserName());
    return username.isEmpty() ? String.valueOf(from.getId()) : "@" + username;
  }

  /** Private chats and groups; channels are not for studying. */
  static Optional<ChatRef> chat(Chat chat) {
    if (chat == null || chat.getId() == null) {
      return Optional.empty();
    }
    ChatKind kind;
    switch (String.valueOf(chat.getType())) {
      case "private" -> kind = ChatKind.PRIVATE;
      case "group", "supergroup" -> kind = ChatKind.GROUP;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new ChatRef(Platform.TELEGRAM, String.valueOf(chat.getId()), kind));
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
