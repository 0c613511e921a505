package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an adapter hands the core: a command, a plain text, or a button press. */
public sealed interface IncomingEvent {

  PlatformUser user();

  ChatRef chat();

  /**
   * A command such as {@code /settings zone Europe/Berlin}: the name without slash, lower case, and
   * its space-separated arguments. {@code senderIsChatAdmin} is the adapter's word that the sender
   * administers the group chat (always false in private chats). {@code botMissingRights} names, as
   * the platform shows them, the permissions the bot lacks in this chat to post its daily lessons
   * there (empty when the adapter checked none or all are there).
   */
  record Command(
      PlatformUser user,
      ChatRef chat,
      String name,
      List<String> args,
      boolean senderIsChatAdmin,
      List<String> botMissingRights)
      implements IncomingEvent {
    public Command {
      requireNonNull(user, "user");
      requireNonNull(chat, "chat");
      name = name.toLowerCase(Locale.ROOT);
      args = List.copyOf(args);
      botMissingRights = List.copyOf(botMissingRights);
    }

    public Command(
        PlatformUser user,
        ChatRef chat,
        String name,
        List<String> args,
        boolean senderIsChatAdmin) {
      this(user, chat, name, args, senderIsChatAdmin, List.of());
    }

    public Command(PlatformUser user, ChatRef chat, String name, List<String> args) {
      this(user, chat, name, args, false);
    }

    /** The same command, from someone the adapter knows administers the group. */
    public Command asChatAdmin() {
      return new Command(user, chat, name, args, true, botMissingRights);
    }

    /** The same command, in a chat where the bot lacks these permissions. */
    public Command withBotMissing(List<String> rights) {
      return new Command(user, chat, name, args, senderIsChatAdmin, rights);
    }
  }

  /** A message that is not a command. */
  record Text(PlatformUser user, ChatRef chat, String text) implements IncomingEvent {
    public Text {
      requireNonNull(user, "user");
      requireNonNull(chat, "chat");
      requireNonNull(text, "text");
    }
  }

  /**
   * A press on a button the core sent; {@code payload} is the button's opaque token and {@code
   * messageId} the platform's id of the message that carried it, when known.
   */
  record ButtonPress(PlatformUser user, ChatRef chat, String payload, Optional<String> messageId)
      implements IncomingEvent {
    public ButtonPress {
      requireNonNull(user, "user");
      requireNonNull(chat, "chat");
      requireNonNull(payload, "payload");
      requireNonNull(messageId, "messageId");
    }
  }

  /**
   * Reads a typed line: {@code /cmd@BotName a b} becomes a command, anything else plain text.
   * Adapters whose platform does not parse commands use this.
   */
  static IncomingEvent parse(PlatformUser user, ChatRef chat, String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("/") || trimmed.length() == 1) {
      return new Text(user, chat, line);
    }
    String[] words = trimmed.substring(1).split("\\s+");
    String name = words[0];
    int mention = name.indexOf('@');
    if (mention >= 0) {
      name = name.substring(0, mention);
    }
    return new Command(user, chat, name, List.of(words).subList(1, words.length));
  }
}
