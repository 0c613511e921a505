package io.studybot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Discord as the adapter sees it, made of Mockito mocks of JDA types: interactions to hand the
 * listener, channels to post in, and a log of everything the bot showed, in order.
 */
final class FakeDiscord {
  static final String USER_ID = "4242";

  /** Where an interaction happens. */
  record Place(boolean guild, String channelId, boolean managesServer) {
    static Place serverChannel(String id) {
      return new Place(true, id, false);
    }

    static Place serverChannelAsManager(String id) {
      return new Place(true, id, true);
    }

    static Place dm() {
      return new Place(false, "dm-" + USER_ID, false);
    }
  }

  /** One thing the bot did on Discord: how ("reply", "followup", "defer", ...) and what. */
  static final class Shown {
    final String how;
    final MessageCreateData data;
    boolean ephemeral;

    Shown(String how, MessageCreateData data, boolean ephemeral) {
      this.how = how;
      this.data = data;
      this.ephemeral = ephemeral;
    }

    /** The visible text: content, or the embed's title, description and fields. */
    String text() {
      if (data == null) {
        return "";
      }
      StringBuilder text = new StringBuilder(data.getContent());
      for (MessageEmbed embed : data.getEmbeds()) {
        text.append(embed.getTitle()).append('\n').append(embed.getDescription());
        embed.getFields().forEach(f -> text.append('\n').append(f.getName()).append(f.getValue()));
      }
      return text.toString();
    }

    List<String> customIds() {
      if (data == null) {
        return List.of();
      }
      return data.getComponents().stream()
          .flatMap(c -> c.asActionRow().getButtons().stream())
          .map(b -> b.getCustomId())
          .filter(id -> id != null)
          .toList();
    }

    @Override
    public String toString() {
      return how + (ephemeral ? " (ephemeral)" : "") + ": " + text();
    }
  }

  final List<Shown> shown = new ArrayList<>();

  /** The language of the user's Discord client. */
  DiscordLocale locale = DiscordLocale.ENGLISH_US;

  final DiscordConnection connection = mock(DiscordConnection.class);
  final GuildMessageChannel serverChannel = mock(GuildMessageChannel.class);
  final PrivateChannel dmChannel = mock(PrivateChannel.class);
  private final AtomicInteger ids = new AtomicInteger(9000);

  @SuppressWarnings("unchecked")
  FakeDiscord() {
    when(connection.guildChannel(anyString())).thenReturn(Optional.of(serverChannel));
    RestAction<PrivateChannel> open = mock(RestAction.class);
    when(open.complete()).thenReturn(dmChannel);
    when(connection.openDm(anyString())).thenReturn(open);
    postsIn(serverChannel, "channel");
    postsIn(dmChannel, "dm");
  }

  Shown last() {
    return shown.get(shown.size() - 1);
  }

  List<String> hows() {
    return shown.stream().map(s -> s.how).toList();
  }

  SlashCommandInteractionEvent slash(String name, Map<String, String> options, Place place) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    when(event.getName()).thenReturn(name);
    List<OptionMapping> mappings = new ArrayList<>();
    options.forEach(
        (key, value) -> {
          OptionMapping option = mock(OptionMapping.class);
          when(option.getName()).thenReturn(key);
          when(option.getAsString()).thenReturn(value);
          mappings.add(option);
        });
    when(event.getOptions()).thenReturn(mappings);
    at(event, place);
    InteractionHook hook = hook();
    when(event.getHook()).thenReturn(hook);
    when(event.reply(any(MessageCreateData.class)))
        .thenAnswer(call -> reply(call.getArgument(0), hook));
    when(event.deferReply(anyBoolean())).thenAnswer(call -> defer(call.getArgument(0), hook));
    return event;
  }

  ButtonInteractionEvent press(String customId, String messageId, Place place) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    when(event.getComponentId()).thenReturn(customId);
    when(event.getMessageId()).thenReturn(messageId);
    at(event, place);
    InteractionHook hook = hook();
    when(event.getHook()).thenReturn(hook);
    when(event.reply(any(MessageCreateData.class)))
        .thenAnswer(call -> reply(call.getArgument(0), hook));
    when(event.deferReply(anyBoolean())).thenAnswer(call -> defer(call.getArgument(0), hook));
    when(event.editMessage(any(MessageEditData.class)))
        .thenAnswer(
            call -> {
              shown.add(
                  new Shown("edit", MessageCreateData.fromEditData(call.getArgument(0)), false));
              return mock(MessageEditCallbackAction.class);
            });
    when(event.deferEdit())
        .thenAnswer(
            call -> {
              shown.add(new Shown("deferEdit", null, false));
              return mock(MessageEditCallbackAction.class);
            });
    return event;
  }

  MessageReceivedEvent directMessage(String text) {
    return message(text, false, false);
  }

  MessageReceivedEvent serverMessage(String text) {
    return message(text, true, false);
  }

  MessageReceivedEvent botMessage(String text) {
    return message(text, false, true);
  }

  private MessageReceivedEvent message(String text, boolean inGuild, boolean fromBot) {
    MessageReceivedEvent event = mock(MessageReceivedEvent.class);
    User author = mock(User.class);
    when(author.getId()).thenReturn(USER_ID);
    when(author.getEffectiveName()).thenReturn("Ada");
    when(author.isBot()).thenReturn(fromBot);
    when(event.getAuthor()).thenReturn(author);
    when(event.isFromGuild()).thenReturn(inGuild);
    Message message = mock(Message.class);
    when(message.getContentRaw()).thenReturn(text);
    when(event.getMessage()).thenReturn(message);
    return event;
  }

  private void at(Interaction event, Place place) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(USER_ID);
    when(user.getEffectiveName()).thenReturn("Ada");
    when(event.getUser()).thenReturn(user);
    when(event.getUserLocale()).thenReturn(locale);
    when(event.isFromGuild()).thenReturn(place.guild());
    when(event.getChannelId()).thenReturn(place.channelId());
    if (place.guild()) {
      Member member = mock(Member.class);
      when(member.getEffectiveName()).thenReturn("Ada L.");
      when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(place.managesServer());
      when(event.getMember()).thenReturn(member);
    }
  }

  private ReplyCallbackAction reply(MessageCreateData data, InteractionHook hook) {
    Shown reply = new Shown("reply", data, false);
    shown.add(reply);
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(action.setEphemeral(anyBoolean()))
        .thenAnswer(
            call -> {
              reply.ephemeral = call.getArgument(0);
              return action;
            });
    when(action.complete()).thenReturn(hook);
    return action;
  }

  private ReplyCallbackAction defer(boolean ephemeral, InteractionHook hook) {
    shown.add(new Shown("defer", null, ephemeral));
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(action.complete()).thenReturn(hook);
    return action;
  }

  @SuppressWarnings("unchecked")
  private InteractionHook hook() {
    InteractionHook hook = mock(InteractionHook.class);
    when(hook.sendMessage(any(MessageCreateData.class)))
        .thenAnswer(
            call -> {
              Shown followup = new Shown("followup", call.getArgument(0), false);
              shown.add(followup);
              WebhookMessageCreateAction<Message> action = mock(WebhookMessageCreateAction.class);
              when(action.setEphemeral(anyBoolean()))
                  .thenAnswer(
                      set -> {
                        followup.ephemeral = set.getArgument(0);
                        return action;
                      });
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
    when(hook.editOriginal(any(MessageEditData.class)))
        .thenAnswer(
            call -> {
              shown.add(
                  new Shown(
                      "editOriginal", MessageCreateData.fromEditData(call.getArgument(0)), false));
              WebhookMessageEditAction<Message> action = mock(WebhookMessageEditAction.class);
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
    when(hook.deleteOriginal())
        .thenAnswer(
            call -> {
              shown.add(new Shown("deleteOriginal", null, false));
              return mock(RestAction.class);
            });
    return hook;
  }

  private void postsIn(MessageChannel channel, String how) {
    when(channel.sendMessage(any(MessageCreateData.class)))
        .thenAnswer(
            call -> {
              shown.add(new Shown(how, call.getArgument(0), false));
              MessageCreateAction action = mock(MessageCreateAction.class);
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
    when(channel.editMessageById(anyString(), any(MessageEditData.class)))
        .thenAnswer(
            call -> {
              shown.add(
                  new Shown(
                      how + "Edit", MessageCreateData.fromEditData(call.getArgument(1)), false));
              MessageEditAction action = mock(MessageEditAction.class);
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
  }

  private Message message() {
    Message message = mock(Message.class);
    when(message.getId()).thenReturn(String.valueOf(ids.incrementAndGet()));
    return message;
  }

  /** A watchdog whose deadline passes when the test says so. */
  static final class ManualWatchdog implements Watchdog {
    private final List<Runnable> armed = new ArrayList<>();

    @Override
    public synchronized Runnable arm(Runnable onDeadline) {
      armed.add(onDeadline);
      return () -> {
        synchronized (this) {
          armed.remove(onDeadline);
        }
      };
    }

    /** The deadline of every armed piece of work passes now. */
    void deadlinePasses() {
      List<Runnable> due;
      synchronized (this) {
        due = List.copyOf(armed);
      }
      due.forEach(Runnable::run);
    }

    synchronized int armed() {
      return armed.size();
    }
  }
}
