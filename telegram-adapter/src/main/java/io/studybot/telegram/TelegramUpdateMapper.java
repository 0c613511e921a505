package io.studybot.telegram;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram update into a core event: a text message into a command or a text, a callback
 * query into a button press. A message or press in a forum topic carries the topic. Updates the
 * core has no use for (edits, channel posts, stickers, members joining, commands meant for another
 * bot in a group) map to nothing. Apart from events, {@link #chatChange} reads what happened to a
 * chat itself: a group upgraded to a supergroup, the bot removed, blocked or muted.
 */
final class TelegramUpdateMapper {

  /** A core event, with the callback query to answer when it came from a button. */
  record Inbound(IncomingEvent event, Optional<String> callbackQueryId) {}

  /** A change to a chat itself, for the core's {@code ChatLifecycle}. */
  sealed interface ChatChange {}

  /** The group became a supergroup with a new id. */
  record ChatMoved(ChatRef from, String newChatId) implements ChatChange {}

  /** The bot can no longer write there: removed, kicked, muted, or blocked in a private chat. */
  record ChatGone(ChatRef chat) implements ChatChange {}

  /** The update types read here: what polling and the webhook ask Telegram for. */
  static final List<String> UPDATE_TYPES = List.of("message", "callback_query", "my_chat_member");

  /** Statuses of the bot's own membership in which it cannot post. */
  private static final Set<String> GONE_STATUSES = Set.of("left", "kicked");

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

  /** What an update says about its chat itself, if anything. */
  Optional<ChatChange> chatChange(Update update) {
    if (update.getMyChatMember() != null) {
      return botMembership(update.getMyChatMember());
    }
    if (!update.hasMessage()) {
      return Optional.empty();
    }
    // Telegram posts one service message in the old group and one in the new supergroup.
    Message message = update.getMessage();
    Optional<ChatRef> chat = chat(message.getChat());
    if (chat.isEmpty()) {
      return Optional.empty();
    }
    if (message.getMigrateToChatId() != null) {
      return Optional.of(new ChatMoved(chat.get(), String.valueOf(message.getMigrateToChatId())));
    }
    if (message.getMigrateFromChatId() != null) {
      ChatRef old = chat.get().withId(String.valueOf(message.getMigrateFromChatId()));
      return Optional.of(new ChatMoved(old, chat.get().id()));
    }
    return Optional.empty();
  }

  /** The bot's own membership changed; only losing the right to post matters to the core. */
  private static Optional<ChatChange> botMembership(ChatMemberUpdated change) {
    Optional<ChatRef> chat = chat(change.getChat());
    ChatMember member = change.getNewChatMember();
    if (chat.isEmpty() || member == null) {
      return Optional.empty();
    }
    boolean gone = GONE_STATUSES.contains(member.getStatus());
    if (member instanceof ChatMemberRestricted restricted) {
      gone =
          Boolean.FALSE.equals(restricted.getCanSendMessages())
              || Boolean.FALSE.equals(restricted.getIsMember());
    }
    return gone ? Optional.of(new ChatGone(chat.get())) : Optional.empty();
  }

  private Optional<Inbound> message(Message message) {
    Optional<ChatRef> chat = chat(message.getChat()).map(found -> inTopic(found, message));
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
    if (message instanceof Message pressed) {
      chat = chat.map(found -> inTopic(found, pressed));
    }
    Optional<String> messageId =
        Optional.ofNullable(message.getMessageId()).filter(id -> id > 0).map(String::valueOf);
    IncomingEvent event =
        new IncomingEvent.ButtonPress(
            user(query.getFrom()), chat.get(), query.getData(), messageId);
    return Optional.of(new Inbound(event, Optional.ofNullable(query.getId())));
  }

  /**
   * A forum topic's messages carry its thread id. Replies in an ordinary group carry one too, but
   * without {@code is_topic_message}: those stay in the main chat.
   */
  private static ChatRef inTopic(ChatRef chat, Message message) {
    if (Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getMessageThreadId() != null) {
      return chat.inTopic(String.valueOf(message.getMessageThreadId()));
    }
    return chat;
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
