package io.studybot.discord;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The core's gateway to Discord. While the core handles an interaction, its messages to that chat
 * answer the interaction (see {@link InteractionReply}); any other message is posted: to a guild
 * channel for a group, by DM for a learner (a private chat's id is the user's id). JDA waits out
 * Discord's rate limits; a refusal becomes a {@link DeliveryException}.
 */
public final class JdaChatGateway implements ChatGateway {
  /**
   * Discord allows a bot 50 requests a second and about five messages per five seconds in one
   * channel; a DM may cost a second request to open the channel, hence 25 messages a second.
   */
  static final RateLimits LIMITS = new RateLimits(25, Duration.ofSeconds(1), Duration.ofSeconds(1));

  // The core sends on the thread that handed it the event, so the thread names the interaction.
  // Per gateway, not static: each gateway answers its own interactions.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<InteractionReply> answering = new ThreadLocal<>();

  private final DiscordConnection connection;
  private final DiscordRenderer renderer = new DiscordRenderer();

  JdaChatGateway(DiscordConnection connection) {
    this.connection = connection;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public RateLimits rateLimits() {
    return LIMITS;
  }

  /** Runs {@code work}, during which messages to the interaction's chat answer it. */
  void answering(InteractionReply reply, Runnable work) {
    answering.set(reply);
    try {
      work.run();
    } finally {
      answering.remove();
    }
  }

  @Override
  public String send(ChatRef chat, OutgoingMessage message) {
    List<MessageCreateData> parts = renderer.render(message);
    // Only a shared chat can hide a message from the others; in a DM everything is personal.
    boolean ephemeral =
        chat.isGroup() && message.visibility() == OutgoingMessage.Visibility.PERSONAL;
    InteractionReply reply = answering.get();
    try {
      if (reply != null && reply.chat().equals(chat)) {
        return answer(reply, chat, parts, message.replaces(), ephemeral);
      }
      return post(chat, parts, message.replaces());
    } catch (DeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeliveryFailures.of(e, chat);
    }
  }

  private String answer(
      InteractionReply reply,
      ChatRef chat,
      List<MessageCreateData> parts,
      Optional<String> replaces,
      boolean ephemeral) {
    try {
      return reply.send(parts, replaces, ephemeral);
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() != ErrorResponse.UNKNOWN_INTERACTION || ephemeral) {
        throw e;
      }
      // The interaction expired before we answered; a public answer can still be posted.
      return post(chat, parts, Optional.empty());
    }
  }

  private String post(ChatRef chat, List<MessageCreateData> parts, Optional<String> replaces) {
    MessageChannel channel = channel(chat);
    String id = "";
    int from = 0;
    if (replaces.isPresent()) {
      MessageEditData edit = MessageEditData.fromCreateData(parts.get(0));
      id = channel.editMessageById(replaces.get(), edit).complete().getId();
      from = 1;
    }
    for (MessageCreateData part : parts.subList(from, parts.size())) {
      id = channel.sendMessage(part).complete().getId();
    }
    return id;
  }

  private MessageChannel channel(ChatRef chat) {
    if (!chat.isGroup()) {
      return connection.openDm(chat.id()).complete();
    }
    return connection
        .guildChannel(chat.id())
        .orElseThrow(
            () ->
                new DeliveryException(
                    "Discord channel " + chat.id() + " is not on this instance's shards",
                    false,
                    null));
  }
}
