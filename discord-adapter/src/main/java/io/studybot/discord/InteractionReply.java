package io.studybot.discord;

import io.studybot.core.chat.ChatRef;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One interaction being answered. Discord wants an answer within three seconds and exactly one: the
 * first message the core sends answers the interaction (a reply, or an edit of the pressed
 * message), later ones are follow-ups of it. If the core is still busy when the deadline nears,
 * {@link #deferIfUnanswered()} acknowledges the interaction first and the answer comes through the
 * interaction's hook.
 */
final class InteractionReply {
  private enum State {
    FRESH,
    DEFERRED,
    ANSWERED
  }

  private final IReplyCallback interaction;
  private final ChatRef chat;
  private final Optional<String> pressedMessageId;
  private final boolean personalGuess;
  private State state = State.FRESH;
  private boolean deferredEphemeral;
  private boolean deferredEdit;

  /**
   * @param pressedMessageId the message whose button was pressed, for button interactions
   * @param personalGuess whether the answer will probably be personal, for a deferral's visibility
   */
  InteractionReply(
      IReplyCallback interaction,
      ChatRef chat,
      Optional<String> pressedMessageId,
      boolean personalGuess) {
    this.interaction = interaction;
    this.chat = chat;
    this.pressedMessageId = pressedMessageId;
    this.personalGuess = personalGuess;
  }

  ChatRef chat() {
    return chat;
  }

  /** Shows Discord's "thinking" state if nothing has answered yet. */
  synchronized void deferIfUnanswered() {
    if (state != State.FRESH) {
      return;
    }
    if (pressedMessageId.isPresent() && !chat.isGroup()) {
      // A press in a DM is answered by editing the question, so defer as an edit.
      ((IMessageEditCallback) interaction).deferEdit().complete();
      deferredEdit = true;
    } else {
      deferredEphemeral = personalGuess && chat.isGroup();
      interaction.deferReply(deferredEphemeral).complete();
    }
    state = State.DEFERRED;
  }

  /**
   * Closes an interaction the core did not answer, so Discord shows no "did not respond" error: a
   * press is acknowledged silently, a command's "thinking" message removed.
   */
  synchronized void finish() {
    if (state == State.FRESH) {
      deferIfUnanswered();
    }
    if (state == State.DEFERRED && !deferredEdit) {
      hook().deleteOriginal().complete();
    }
    state = State.ANSWERED;
  }

  /**
   * Sends the rendered parts as the answer and follow-ups.
   *
   * @param replaces the message the core asked to edit, if any
   * @param ephemeral whether only the presser may see it
   * @return the id of the last message shown, or an empty string when Discord gave none
   */
  synchronized String send(
      List<MessageCreateData> parts, Optional<String> replaces, boolean ephemeral) {
    String id = first(parts.get(0), replaces, ephemeral);
    for (MessageCreateData part : parts.subList(1, parts.size())) {
      id = hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
    }
    return id;
  }

  private String first(MessageCreateData part, Optional<String> replaces, boolean ephemeral) {
    boolean editPressed = replaces.isPresent() && replaces.equals(pressedMessageId);
    State was = state;
    state = State.ANSWERED;
    if (was == State.FRESH) {
      if (editPressed) {
        ((IMessageEditCallback) interaction)
            .editMessage(MessageEditData.fromCreateData(part))
            .complete();
        return pressedMessageId.get();
      }
      interaction.reply(part).setEphemeral(ephemeral).complete();
      return "";
    }
    if (was == State.DEFERRED) {
      return afterDeferral(part, editPressed, ephemeral);
    }
    return hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
  }

  private String afterDeferral(MessageCreateData part, boolean editPressed, boolean ephemeral) {
    if (deferredEdit) {
      // The original of a deferred edit is the pressed message itself.
      return editPressed
          ? hook().editOriginal(MessageEditData.fromCreateData(part)).complete().getId()
          : hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
    }
    if (deferredEphemeral == ephemeral) {
      return hook().editOriginal(MessageEditData.fromCreateData(part)).complete().getId();
    }
    // The "thinking" message has the wrong visibility: remove it and answer afresh.
    hook().deleteOriginal().complete();
    Message sent = hook().sendMessage(part).setEphemeral(ephemeral).complete();
    return sent.getId();
  }

  private InteractionHook hook() {
    return interaction.getHook();
  }
}
