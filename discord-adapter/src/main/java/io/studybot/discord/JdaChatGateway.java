package io.studybot.discord;

import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import io.studybot.core.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's gateway to Discord. Replies to an interaction in its chat answer it (see {@link
 * InteractionReply}); any other message is posted: to a guild channel for a group, by DM for a
 * learner (a private chat's id is the user's id). JDA waits out Discord's rate limits; a refusal
 * becomes a {@link DeliveryException}.
 */
public final class JdaChatGateway implements ChatGateway {
  private static final Logger log = LoggerFactory.getLogger(JdaChatGateway.class);

  /**
   * Discord allows a bot 50 requests a second and about five messages per five seconds in one
   * channel; a DM may cost a second request to open the channel, hence 25 messages a second.
   */
  static final RateLimits LIMITS = new RateLimits(25, Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final DiscordConnection connection;
  private final ShardRange shards;
  private final DiscordRenderer renderer = new DiscordRenderer();

  JdaChatGateway(DiscordConnection connection, ShardRange shards) {
    this.connection = connection;
    this.shards = shards;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public RateLimits rateLimits() {
    return LIMITS;
  }

  /** A timed message, not answering anyone: posted to the channel, or by DM. */
  @Override
  public String send(ChatRef chat, OutgoingMessage message) {
    return withoutPictureIfRefused(
        message, shown -> post(chat, renderer.render(shown), shown.replaces()), chat);
  }

  /**
   * Shows a reply to the interaction in hand: in the interaction's chat it answers the interaction
   * (ephemeral when personal in a server channel); anywhere else it is posted.
   */
  String reply(InteractionReply interaction, Reply reply) {
    ChatRef chat = reply.chat();
    // Only a shared chat can hide a message from the others; in a DM everything is personal.
    boolean ephemeral =
        chat.isGroup() && reply.message().visibility() == OutgoingMessage.Visibility.PERSONAL;
    return withoutPictureIfRefused(
        reply.message(),
        shown -> {
          List<MessageCreateData> parts = renderer.render(shown);
          // Same channel or DM: the core may name it with or without its server and topic.
          return interaction.chat().sameChat(chat)
              ? answer(interaction, chat, parts, shown.replaces(), ephemeral)
              : post(chat, parts, shown.replaces());
        },
        chat);
  }

  /**
   * Shows the message; if Discord refuses it with its picture (no Attach Files permission, too
   * large), shows the text without it. Any other failure becomes a {@link DeliveryException}.
   */
  private static String withoutPictureIfRefused(
      OutgoingMessage message, Function<OutgoingMessage, String> show, ChatRef chat) {
    try {
      return show.apply(message);
    } catch (RuntimeException e) {
      if (message.picture().isEmpty()) {
        throw e instanceof DeliveryException delivery ? delivery : DeliveryFailures.of(e, chat);
      }
      log.info(
          "Discord refused a picture in chat {} ({}); sending the text alone",
          chat.id(),
          e.toString());
      return withoutPictureIfRefused(message.withoutPicture(), show, chat);
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
    return connection.guildChannel(chat.id()).orElseThrow(() -> missing(chat));
  }

  /**
   * A channel this instance does not hold. On a server whose shard runs here and is loaded it is
   * gone for good (deleted, or the bot removed); anywhere else it may only be out of sight: another
   * instance's shard, a shard still connecting, a server Discord reports unavailable, or a chat
   * stored before its server was known.
   */
  private DeliveryException missing(ChatRef chat) {
    String server = chat.server();
    String channel = "Discord channel " + chat.id();
    if (server == null) {
      return new DeliveryException(
          channel + " is not loaded and its server is unknown", false, null);
    }
    if (!shards.runs(server)) {
      return new DeliveryException(
          channel + " is on server " + server + ", not on this instance's shards " + shards,
          false,
          null);
    }
    if (!connection.hasLoaded(server)) {
      return new DeliveryException(
          channel + " is on server " + server + ", which is not loaded yet", false, null);
    }
    return new DeliveryException(
        channel + " is gone: deleted, or the bot is no longer on server " + server, true, null);
  }
}
