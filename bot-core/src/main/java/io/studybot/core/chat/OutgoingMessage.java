package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A message the core sends: rich text, rows of buttons, and how to show it. A {@link
 * Visibility#PERSONAL} message answers one person in a shared chat (an ephemeral reply, a popup);
 * {@code replaces} names a message the platform may edit instead of sending a new one; a {@code
 * picture} goes with the text where the platform can show one.
 */
public record OutgoingMessage(
    RichText body,
    List<List<Button>> buttons,
    Visibility visibility,
    Optional<String> replaces,
    Optional<Picture> picture) {

  /** Who in the chat sees the message. */
  public enum Visibility {
    CHAT,
    PERSONAL
  }

  public OutgoingMessage {
    requireNonNull(body, "body");
    buttons = buttons.stream().map(List::copyOf).toList();
    requireNonNull(visibility, "visibility");
    requireNonNull(replaces, "replaces");
    requireNonNull(picture, "picture");
  }

  public static OutgoingMessage of(RichText body) {
    return new OutgoingMessage(
        body, List.of(), Visibility.CHAT, Optional.empty(), Optional.empty());
  }

  public static OutgoingMessage text(String text) {
    return of(RichText.builder().text(text).build());
  }

  public OutgoingMessage withButtons(List<List<Button>> rows) {
    return new OutgoingMessage(body, rows, visibility, replaces, picture);
  }

  public OutgoingMessage personal() {
    return new OutgoingMessage(body, buttons, Visibility.PERSONAL, replaces, picture);
  }

  public OutgoingMessage replacing(Optional<String> messageId) {
    return new OutgoingMessage(body, buttons, visibility, messageId, picture);
  }

  /** The message without its picture, for a platform that refused it. */
  public OutgoingMessage withoutPicture() {
    return new OutgoingMessage(body, buttons, visibility, replaces, Optional.empty());
  }

  /** The message with a picture that goes with its text. */
  public OutgoingMessage withPicture(Picture picture) {
    return new OutgoingMessage(body, buttons, visibility, replaces, Optional.of(picture));
  }

  public String plainText() {
    return body.plainText();
  }
}
