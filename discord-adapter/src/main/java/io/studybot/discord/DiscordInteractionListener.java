package io.studybot.discord;

import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord interactions into core events: slash commands into commands, button presses into
 * presses, and direct messages into text. The work runs on the adapter's workers so JDA's event
 * thread stays free; a watchdog defers the answer when the core takes long. A failure is logged and
 * the bot keeps serving.
 */
final class DiscordInteractionListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordInteractionListener.class);

  private final ChatHandler bot;
  private final JdaChatGateway gateway;
  private final Executor workers;
  private final Watchdog watchdog;

  DiscordInteractionListener(
      ChatHandler bot, JdaChatGateway gateway, Executor workers, Watchdog watchdog) {
    this.bot = bot;
    this.gateway = gateway;
    this.workers = workers;
    this.watchdog = watchdog;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    ChatRef chat = chatOf(event);
    Map<String, String> options = new LinkedHashMap<>();
    for (OptionMapping option : event.getOptions()) {
      options.put(option.getName(), option.getAsString());
    }
    List<String> missing = botMissingRights(event);
    List<IncomingEvent.Command> commands =
        SlashCommands.toCommands(
                event.getName(), options, userOf(event), chat, managesServer(event.getMember()))
            .stream()
            .map(command -> command.withBotMissing(missing))
            .toList();
    InteractionReply reply =
        new InteractionReply(
            event, chat, Optional.empty(), SlashCommands.isPersonal(event.getName()));
    handle(reply, commands, "/" + event.getName());
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    ChatRef chat = chatOf(event);
    String messageId = event.getMessageId();
    IncomingEvent press =
        new IncomingEvent.ButtonPress(
            userOf(event), chat, event.getComponentId(), Optional.of(messageId));
    // Answers to presses in a server are verdicts for the presser alone.
    InteractionReply reply = new InteractionReply(event, chat, Optional.of(messageId), true);
    handle(reply, List.of(press), "button");
  }

  /**
   * A direct message typed to the bot: the answer to a question the core asked (such as a time
   * zone), or a command typed by hand. Server messages are not read: the bot asks for no access to
   * them.
   */
  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    User author = event.getAuthor();
    if (event.isFromGuild() || author.isBot() || event.isWebhookMessage()) {
      return;
    }
    String text = event.getMessage().getContentRaw();
    if (text.isBlank()) {
      return;
    }
    PlatformUser user =
        new PlatformUser(
            Platform.DISCORD, author.getId(), author.getEffectiveName(), Optional.empty());
    ChatRef chat = new ChatRef(Platform.DISCORD, author.getId(), ChatKind.PRIVATE);
    submit(
        () -> {
          try {
            bot.handle(IncomingEvent.parse(user, chat, text))
                .forEach(reply -> gateway.send(reply.chat(), reply.message()));
          } catch (RuntimeException e) {
            log.error("Handling a direct message from Discord user {} failed", author.getId(), e);
          }
        });
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    try {
      var focused = event.getFocusedOption();
      event.replyChoices(SlashCommands.suggest(focused.getName(), focused.getValue())).queue();
    } catch (RuntimeException e) {
      log.warn("Autocomplete for /{} failed", event.getName(), e);
    }
  }

  private void handle(InteractionReply reply, List<? extends IncomingEvent> events, String what) {
    // Armed on the event thread: time spent queued counts against Discord's deadline too.
    Runnable disarm = watchdog.arm(() -> deferQuietly(reply, what));
    boolean accepted =
        submit(
            () -> {
              try {
                answer(reply, events);
              } catch (RuntimeException e) {
                log.error("Handling {} in Discord chat {} failed", what, reply.chat().id(), e);
              } finally {
                disarm.run();
                finishQuietly(reply, what);
              }
            });
    if (!accepted) {
      disarm.run();
    }
  }

  private void answer(InteractionReply interaction, List<? extends IncomingEvent> events) {
    for (IncomingEvent event : events) {
      for (Reply reply : bot.handle(event)) {
        try {
          gateway.reply(interaction, reply);
        } catch (DeliveryException e) {
          // One reply refused (a closed DM, say) must not keep the others back.
          log.warn("Replying in Discord chat {} failed: {}", reply.chat().id(), e.getMessage());
        }
      }
    }
  }

  private boolean submit(Runnable work) {
    try {
      workers.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      log.info("Shutting down; an interaction arriving now is not handled");
      return false;
    }
  }

  private static void finishQuietly(InteractionReply reply, String what) {
    try {
      reply.finish();
    } catch (RuntimeException e) {
      log.warn("Closing the interaction of {} failed: {}", what, e.toString());
    }
  }

  private static void deferQuietly(InteractionReply reply, String what) {
    try {
      reply.deferIfUnanswered();
    } catch (RuntimeException e) {
      log.warn("Deferring the answer to {} failed: {}", what, e.toString());
    }
  }

  /**
   * A server channel (or thread) is the group's chat, on its server, whose shard serves it; in a DM
   * the chat is the user, so DMs can find them.
   */
  static ChatRef chatOf(Interaction interaction) {
    if (interaction.isFromGuild()) {
      Guild guild = interaction.getGuild();
      return new ChatRef(Platform.DISCORD, interaction.getChannelId(), ChatKind.GROUP)
          .onServer(guild == null ? null : guild.getId());
    }
    return new ChatRef(Platform.DISCORD, interaction.getUser().getId(), ChatKind.PRIVATE);
  }

  static PlatformUser userOf(Interaction interaction) {
    User user = interaction.getUser();
    Member member = interaction.getMember();
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    DiscordLocale locale = interaction.getUserLocale();
    Optional<String> hint =
        locale == null || locale == DiscordLocale.UNKNOWN
            ? Optional.empty()
            : Optional.of(locale.getLocale());
    return new PlatformUser(Platform.DISCORD, user.getId(), name, hint);
  }

  /**
   * For the commands only a server's managers use (among them /subscribe): the permissions the bot
   * lacks in the channel to post there, so the core can refuse before it promises daily posts.
   */
  private static List<String> botMissingRights(SlashCommandInteractionEvent event) {
    boolean adminOnly = BotCommand.named(event.getName()).map(BotCommand::adminOnly).orElse(false);
    if (!event.isFromGuild() || !adminOnly) {
      return List.of();
    }
    GuildChannel channel = event.getGuildChannel();
    Guild guild = event.getGuild();
    if (!event.isFromAttachedGuild() || guild == null) {
      return PostingRights.all(channel); // installed for a user only: the bot is not on the server
    }
    return PostingRights.missing(guild.getSelfMember(), channel);
  }

  private static boolean managesServer(Member member) {
    return member != null && member.hasPermission(Permission.MANAGE_SERVER);
  }
}
