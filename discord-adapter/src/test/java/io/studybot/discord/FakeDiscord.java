package io.studybot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.studybot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.SelfMember;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildMessageChannelUnion;
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

  /** The server every server channel of the fake is on. */
  static final String SERVER_ID = "81384788765712384";

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

  /**
   * One thing the bot did on Discord: how ("reply", "followup", "defer", ...) and what; for an
   * interaction's answers, which interaction (numbered from 1 as the fake made them, 0 for posts),
   * and when the bot sent it.
   */
  static final class Shown {
    final String how;
    final MessageCreateData data;
    boolean ephemeral;
    final int interaction;
    final Instant at;

    Shown(String how, MessageCreateData data, boolean ephemeral, int interaction, Instant at) {
      this.how = how;
      this.data = data;
      this.ephemeral = ephemeral;
      this.interaction = interaction;
      this.at = at;
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

  final List<Shown> shown = Collections.synchronizedList(new ArrayList<>());

  /** Discord's time as the fake sees it. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

  /**
   * How long a blocking call ({@code complete()}) waits for Discord's answer, on {@link #clock}.
   */
  Duration roundTrip = Duration.ZERO;

  private final AtomicInteger interactions = new AtomicInteger();

  /** The language of the user's Discord client. */
  DiscordLocale locale = DiscordLocale.ENGLISH_US;

  /** What the bot may do in server channels; all it needs unless a test takes some away. */
  final Set<Permission> botPermissions =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES);

  /** The kind of channel server interactions happen in. */
  ChannelType channelType = ChannelType.TEXT;

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
    int number = interactions.incrementAndGet();
    InteractionHook hook = hook(number);
    when(event.getHook()).thenReturn(hook);
    when(event.reply(any(MessageCreateData.class)))
        .thenAnswer(call -> reply(call.getArgument(0), hook, number));
    when(event.deferReply(anyBoolean()))
        .thenAnswer(call -> defer(call.getArgument(0), hook, number));
    return event;
  }

  ButtonInteractionEvent press(String customId, String messageId, Place place) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    when(event.getComponentId()).thenReturn(customId);
    when(event.getMessageId()).thenReturn(messageId);
    at(event, place);
    int number = interactions.incrementAndGet();
    InteractionHook hook = hook(number);
    when(event.getHook()).thenReturn(hook);
    when(event.reply(any(MessageCreateData.class)))
        .thenAnswer(call -> reply(call.getArgument(0), hook, number));
    when(event.deferReply(anyBoolean()))
        .thenAnswer(call -> defer(call.getArgument(0), hook, number));
    when(event.editMessage(any(MessageEditData.class)))
        .thenAnswer(
            call -> {
              show("edit", MessageCreateData.fromEditData(call.getArgument(0)), false, number);
              return mock(MessageEditCallbackAction.class);
            });
    when(event.deferEdit())
        .thenAnswer(
            call -> {
              show("deferEdit", null, false, number);
              MessageEditCallbackAction action = mock(MessageEditCallbackAction.class);
              when(action.complete()).thenAnswer(done -> afterRoundTrip(hook));
              when(action.submit()).thenReturn(CompletableFuture.completedFuture(hook));
              return action;
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
      GuildMessageChannelUnion channel = mock(GuildMessageChannelUnion.class);
      when(channel.getType()).thenAnswer(call -> channelType);
      when(event.getGuildChannel()).thenReturn(channel);
      when(event.isFromAttachedGuild()).thenReturn(true);
      Guild guild = server(channel);
      when(event.getGuild()).thenReturn(guild);
    }
  }

  /** The server, where the bot holds {@link #botPermissions} in the channel. */
  private Guild server(GuildChannel channel) {
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn(SERVER_ID);
    SelfMember bot = mock(SelfMember.class);
    when(bot.getPermissions(channel))
        .thenAnswer(
            call ->
                botPermissions.isEmpty()
                    ? EnumSet.noneOf(Permission.class)
                    : EnumSet.copyOf(botPermissions));
    when(guild.getSelfMember()).thenReturn(bot);
    return guild;
  }

  private ReplyCallbackAction reply(MessageCreateData data, InteractionHook hook, int number) {
    Shown reply = show("reply", data, false, number);
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(action.setEphemeral(anyBoolean()))
        .thenAnswer(
            call -> {
              reply.ephemeral = call.getArgument(0);
              return action;
            });
    when(action.complete()).thenAnswer(done -> afterRoundTrip(hook));
    return action;
  }

  private ReplyCallbackAction defer(boolean ephemeral, InteractionHook hook, int number) {
    show("defer", null, ephemeral, number);
    ReplyCallbackAction action = mock(ReplyCallbackAction.class);
    when(action.complete()).thenAnswer(done -> afterRoundTrip(hook));
    when(action.submit()).thenReturn(CompletableFuture.completedFuture(hook));
    return action;
  }

  private Shown show(String how, MessageCreateData data, boolean ephemeral, int interaction) {
    Shown done = new Shown(how, data, ephemeral, interaction, clock.instant());
    shown.add(done);
    return done;
  }

  /** A blocking call returns once Discord answered: the caller waited a round trip. */
  private <T> T afterRoundTrip(T answer) {
    clock.advance(roundTrip);
    return answer;
  }

  @SuppressWarnings("unchecked")
  private InteractionHook hook(int number) {
    InteractionHook hook = mock(InteractionHook.class);
    when(hook.sendMessage(any(MessageCreateData.class)))
        .thenAnswer(
            call -> {
              Shown followup = show("followup", call.getArgument(0), false, number);
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
              show(
                  "editOriginal",
                  MessageCreateData.fromEditData(call.getArgument(0)),
                  false,
                  number);
              WebhookMessageEditAction<Message> action = mock(WebhookMessageEditAction.class);
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
    when(hook.deleteOriginal())
        .thenAnswer(
            call -> {
              show("deleteOriginal", null, false, number);
              return mock(RestAction.class);
            });
    return hook;
  }

  private void postsIn(MessageChannel channel, String how) {
    when(channel.sendMessage(any(MessageCreateData.class)))
        .thenAnswer(
            call -> {
              show(how, call.getArgument(0), false, 0);
              MessageCreateAction action = mock(MessageCreateAction.class);
              Message message = message();
              when(action.complete()).thenReturn(message);
              return action;
            });
    when(channel.editMessageById(anyString(), any(MessageEditData.class)))
        .thenAnswer(
            call -> {
              show(how + "Edit", MessageCreateData.fromEditData(call.getArgument(1)), false, 0);
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
