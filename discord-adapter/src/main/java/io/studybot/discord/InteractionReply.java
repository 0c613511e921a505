package io.studybot.discord;

import io.studybot.core.chat.ChatRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 *
 * <p>The lock guards only the state below and is never held across a call to Discord: one deadline
 * thread defers every slow interaction, so it must never wait, neither for a worker's request in
 * flight nor for Discord's answer to the deferral; a worker waits for the deferral instead, before
 * it uses the hook.
 */
final class InteractionReply {
  private enum State {
    FRESH,
    DEFERRED,
    ANSWERED
  }

  /** How the interaction stood when the first answer claimed it. */
  private record Claim(
      State state,
      boolean deferredEdit,
      boolean deferredEphemeral,
      CompletableFuture<?> deferral) {}

  private final IReplyCallback interaction;
  private final ChatRef chat;
  private final Optional<String> pressedMessageId;
  private final boolean personalGuess;
  private State state = State.FRESH;
  private boolean deferredEphemeral;
  private boolean deferredEdit;
  private CompletableFuture<?> deferral = CompletableFuture.completedFuture(null);

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

  /**
   * Shows Discord's "thinking" state if nothing has answered yet. Sends the deferral without
   * waiting for Discord's answer to it (queuing a request does not block).
   */
  synchronized void deferIfUnanswered() {
    if (state != State.FRESH) {
      return;
    }
    if (pressedMessageId.isPresent() && !chat.isGroup()) {
      // A press in a DM is answered by editing the question, so defer as an edit.
      deferral = ((IMessageEditCallback) interaction).deferEdit().submit();
      deferredEdit = true;
    } else {
      boolean ephemeral = personalGuess && chat.isGroup();
      deferral = interaction.deferReply(ephemeral).submit();
      deferredEphemeral = ephemeral;
    }
    state = State.DEFERRED;
  }

  /**
   * Closes an interaction the core did not answer, so Discord shows no "did not respond" error: a
   * press is acknowledged silently, a command's "thinking" message removed.
   */
  void finish() {
    deferIfUnanswered();
    Claim claim = claim();
    if (claim.state() == State.DEFERRED) {
      await(claim.deferral());
      if (!claim.deferredEdit()) {
        hook().deleteOriginal().complete();
      }
    }
  }

  /**
   * Sends the rendered parts as the answer and follow-ups.
   *
   * @param replaces the message the core asked to edit, if any
   * @param ephemeral whether only the presser may see it
   * @return the id of the last message shown, or an empty string when Discord gave none
   */
  String send(List<MessageCreateData> parts, Optional<String> replaces, boolean ephemeral) {
    String id = first(parts.get(0), replaces, ephemeral);
    for (MessageCreateData part : parts.subList(1, parts.size())) {
      id = hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
    }
    return id;
  }

  /** Marks the interaction answered and says how it stood: one answer, whoever comes first. */
  private synchronized Claim claim() {
    Claim claim = new Claim(state, deferredEdit, deferredEphemeral, deferral);
    state = State.ANSWERED;
    return claim;
  }

  private String first(MessageCreateData part, Optional<String> replaces, boolean ephemeral) {
    boolean editPressed = replaces.isPresent() && replaces.equals(pressedMessageId);
    Claim claim = claim();
    if (claim.state() == State.FRESH) {
      if (editPressed) {
        ((IMessageEditCallback) interaction)
            .editMessage(MessageEditData.fromCreateData(part))
            .complete();
        return pressedMessageId.get();
      }
      interaction.reply(part).setEphemeral(ephemeral).complete();
      return "";
    }
    if (claim.state() == State.DEFERRED) {
      await(claim.deferral());
      return afterDeferral(claim, part, editPressed, ephemeral);
    }
    return hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
  }

  private String afterDeferral(
      Claim claim, MessageCreateData part, boolean editPressed, boolean ephemeral) {
    if (claim.deferredEdit()) {
      // The original of a deferred edit is the pressed message itself.
      return editPressed
          ? hook().editOriginal(MessageEditData.fromCreateData(part)).complete().getId()
          : hook().sendMessage(part).setEphemeral(ephemeral).complete().getId();
    }
    if (claim.deferredEphemeral() == ephemeral) {
      return hook().editOriginal(MessageEditData.fromCreateData(part)).complete().getId();
    }
    // The "thinking" message has the wrong visibility: remove it and answer afresh.
    hook().deleteOriginal().complete();
    Message sent = hook().sendMessage(part).setEphemeral(ephemeral).complete();
    return sent.getId();
  }

  /** Waits for the deferral before the hook is used; its failure (say, expired) is the answer's. */
  private static void await(CompletableFuture<?> deferral) {
    try {
      deferral.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private InteractionHook hook() {
    return interaction.getHook();
  }
}
