package io.studybot.discord;

import static io.studybot.discord.FakeDiscord.Place.dm;
import static io.studybot.discord.FakeDiscord.Place.serverChannel;
import static io.studybot.discord.FakeDiscord.Place.serverChannelAsManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.conversation.Admins;
import io.studybot.core.conversation.LiveCurriculum;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.testing.MutableClock;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slash commands and button presses through the listener, answered by the real core. */
class DiscordInteractionListenerTest {
  private final FakeDiscord discord = new FakeDiscord();
  private final FakeDiscord.ManualWatchdog watchdog = new FakeDiscord.ManualWatchdog();
  private final Database database = Database.open(TestDatabases.h2());
  private final StudyBot bot =
      new StudyBot(
          new HibernateStudyStore(database),
          TestCurriculum.create(),
          StudyRules.DEFAULT,
          new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));
  private final JdaChatGateway gateway = new JdaChatGateway(discord.connection, ShardRange.WHOLE);
  private final DiscordInteractionListener listener = listenerFor(bot);

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aChineseClientGetsTheLessonInChinese() {
    discord.locale = DiscordLocale.CHINESE_CHINA;

    listener.onSlashCommandInteraction(discord.slash("today", Map.of(), dm()));

    assertThat(discord.last().data.getEmbeds().get(0).getTitle()).startsWith("📘 第 1/");
  }

  @Test
  void typingATimeZoneSuggestsIanaIds() {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    OptionMapping typed = mock(OptionMapping.class);
    when(typed.getName()).thenReturn("zone");
    when(typed.getAsString()).thenReturn("Berl");
    when(typed.getType()).thenReturn(OptionType.STRING);
    AutoCompleteQuery query = new AutoCompleteQuery(typed);
    when(event.getFocusedOption()).thenReturn(query);
    AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class);
    List<Command.Choice> offered = new ArrayList<>();
    when(event.replyChoices(anyCollection()))
        .thenAnswer(
            call -> {
              offered.addAll(call.getArgument(0));
              return action;
            });

    listener.onCommandAutoCompleteInteraction(event);

    assertThat(offered).extracting(Command.Choice::getAsString).contains("Europe/Berlin");
    verify(action).queue();
  }

  @Test
  void aPressOnAnExpiredQuizGetsAPersonalNoteAndChangesNothing() {
    listener.onSlashCommandInteraction(discord.slash("quiz", Map.of(), serverChannel("700")));
    String answer = firstAnswerButton();
    listener.onSlashCommandInteraction(
        discord.slash("skip", Map.of(), serverChannelAsManager("700")));
    int before = discord.shown.size();

    listener.onButtonInteraction(discord.press(answer, "9001", serverChannel("700")));

    assertThat(discord.shown).hasSize(before + 1);
    assertThat(discord.last().how).isEqualTo("reply");
    assertThat(discord.last().ephemeral).isTrue();
    assertThat(discord.last().text()).contains("This quiz is closed");
  }

  @Test
  void aSlowAnswerIsDeferredAndThenDeliveredThroughTheHook() {
    DiscordInteractionListener slow =
        listenerFor(
            event -> {
              watchdog.deadlinePasses(); // the core is still working when the deadline nears
              return bot.handle(event);
            });

    slow.onSlashCommandInteraction(discord.slash("progress", Map.of(), dm()));

    assertThat(discord.hows()).containsExactly("defer", "editOriginal");
    assertThat(discord.shown.get(0).ephemeral).isFalse();
    assertThat(discord.last().text()).contains("Ada");
    assertThat(watchdog.armed()).isZero();
  }

  @Test
  void aDeferredThinkingMessageWithTheWrongVisibilityIsReplaced() {
    DiscordInteractionListener slow =
        listenerFor(
            event -> {
              watchdog.deadlinePasses();
              return bot.handle(event);
            });
    slow.onSlashCommandInteraction(discord.slash("quiz", Map.of(), serverChannel("700")));
    String answer = firstAnswerButton();
    discord.shown.clear();

    // A press is deferred as personal; a verdict is personal too, so the thinking message stays.
    slow.onButtonInteraction(discord.press(answer, "9001", serverChannel("700")));
    assertThat(discord.hows()).containsExactly("defer", "editOriginal");
    assertThat(discord.shown.get(0).ephemeral).isTrue();

    discord.shown.clear();
    // /start is guessed personal, but in a server the core answers it for all to see.
    slow.onSlashCommandInteraction(discord.slash("start", Map.of(), serverChannel("700")));
    assertThat(discord.hows()).containsExactly("defer", "deleteOriginal", "followup");
    assertThat(discord.last().ephemeral).isFalse();
  }

  @Test
  void settingsOptionsBecomeTheCoresArguments() {
    List<IncomingEvent> received = new ArrayList<>();
    DiscordInteractionListener recording = listenerFor(recordingInto(received));

    recording.onSlashCommandInteraction(
        discord.slash("settings", Map.of("zone", "Europe/Berlin"), dm()));

    assertThat(received).hasSize(1);
    IncomingEvent.Command command = (IncomingEvent.Command) received.get(0);
    assertThat(command.name()).isEqualTo("settings");
    assertThat(command.args()).containsExactly("zone", "Europe/Berlin");
    assertThat(command.chat())
        .isEqualTo(new ChatRef(Platform.DISCORD, FakeDiscord.USER_ID, ChatKind.PRIVATE));
    assertThat(command.user().languageHint()).contains("en-US");
  }

  @Test
  void settingAZoneInADmIsConfirmedByTheCore() {
    listener.onSlashCommandInteraction(
        discord.slash("settings", Map.of("zone", "Europe/Berlin"), dm()));

    assertThat(discord.shown.get(0).text()).contains("Europe/Berlin");
  }

  @Test
  void aServerChannelIsTheGroupsChatAndManageServerMakesTheSenderItsAdmin() {
    List<IncomingEvent> received = new ArrayList<>();
    DiscordInteractionListener recording = listenerFor(recordingInto(received));

    recording.onSlashCommandInteraction(
        discord.slash("subscribe", Map.of(), serverChannelAsManager("700")));
    recording.onSlashCommandInteraction(discord.slash("subscribe", Map.of(), serverChannel("700")));

    IncomingEvent.Command manager = (IncomingEvent.Command) received.get(0);
    IncomingEvent.Command member = (IncomingEvent.Command) received.get(1);
    assertThat(manager.chat())
        .isEqualTo(
            new ChatRef(Platform.DISCORD, "700", ChatKind.GROUP).onServer(FakeDiscord.SERVER_ID));
    assertThat(manager.senderIsChatAdmin()).isTrue();
    assertThat(member.senderIsChatAdmin()).isFalse();
    assertThat(manager.user().displayName()).isEqualTo("Ada L.");
  }

  @Test
  void aDmHasNoServer() {
    List<IncomingEvent> received = new ArrayList<>();
    DiscordInteractionListener recording = listenerFor(recordingInto(received));

    recording.onSlashCommandInteraction(discord.slash("today", Map.of(), dm()));

    assertThat(received.get(0).chat().server()).isNull();
  }

  @Test
  void inAThreadTheBotNeedsSendMessagesInThreads() {
    List<IncomingEvent> received = new ArrayList<>();
    DiscordInteractionListener recording = listenerFor(recordingInto(received));
    discord.channelType = ChannelType.GUILD_PUBLIC_THREAD;
    discord.botPermissions.removeAll(
        EnumSet.of(Permission.MESSAGE_SEND_IN_THREADS, Permission.VIEW_CHANNEL));

    recording.onSlashCommandInteraction(
        discord.slash("subscribe", Map.of(), serverChannelAsManager("701")));

    assertThat(((IncomingEvent.Command) received.get(0)).botMissingRights())
        .containsExactly("View Channels", "Send Messages in Threads");
  }

  @Test
  void subscribingWhereTheBotCannotPostIsRefusedByNameAndThenWorksOnceGranted() {
    discord.botPermissions.remove(Permission.MESSAGE_EMBED_LINKS);

    listener.onSlashCommandInteraction(
        discord.slash("subscribe", Map.of("lesson", "08:00"), serverChannelAsManager("700")));
    FakeDiscord.Shown refused = discord.last();
    discord.botPermissions.add(Permission.MESSAGE_EMBED_LINKS);
    listener.onSlashCommandInteraction(
        discord.slash("subscribe", Map.of("lesson", "08:00"), serverChannelAsManager("700")));

    assertThat(refused.ephemeral).isTrue();
    assertThat(refused.text()).contains("Embed Links", "Nothing was changed");
    assertThat(discord.last().text()).contains("Subscribed", "08:00");
  }

  @Test
  void aTimeZoneTypedInADmAnswersTheBotsQuestion() {
    listener.onSlashCommandInteraction(discord.slash("settings", Map.of(), dm()));
    listener.onButtonInteraction(discord.press("set:zone", "9001", dm()));
    assertThat(discord.last().text()).as(discord.shown.toString()).contains("Which time zone");

    listener.onMessageReceived(discord.directMessage("Asia/Tokyo"));

    assertThat(discord.last().how).isEqualTo("dm");
    assertThat(discord.last().text()).contains("Asia/Tokyo");
  }

  /**
   * {@code /admin} is no slash command (every member would see it), so an operator types it as a
   * direct message; the listener passes the text through, and the core answers it.
   */
  @Test
  void anOperatorTypesAdminAsADirectMessage() {
    try (Database operated = Database.open(TestDatabases.h2())) {
      StudyBot withOperators =
          new StudyBot(
              new HibernateStudyStore(operated),
              LiveCurriculum.fixed(TestCurriculum.create()),
              StudyRules.DEFAULT,
              new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
              Admins.parse("discord:" + FakeDiscord.USER_ID));

      listenerFor(withOperators).onMessageReceived(discord.directMessage("/admin stats"));
      assertThat(discord.last().how).isEqualTo("dm");
      assertThat(discord.last().text()).contains("StudyBot now", "Learners: 1");

      listener.onMessageReceived(discord.directMessage("/admin stats")); // a bot without operators
      assertThat(discord.last().text()).contains("I don't know the command /admin");
    }
    assertThat(SlashCommands.commandData()).noneMatch(data -> data.getName().equals("admin"));
  }

  @Test
  void messagesInServersAndFromBotsAreNotRead() {
    List<IncomingEvent> received = new ArrayList<>();
    DiscordInteractionListener recording = listenerFor(recordingInto(received));

    recording.onMessageReceived(discord.serverMessage("/today"));
    recording.onMessageReceived(discord.botMessage("Day 1"));

    assertThat(received).isEmpty();
  }

  @Test
  void anInteractionTheCoreLeavesUnansweredIsClosedQuietly() {
    DiscordInteractionListener silent = listenerFor(event -> List.of());

    silent.onSlashCommandInteraction(discord.slash("help", Map.of(), serverChannel("700")));
    silent.onButtonInteraction(discord.press("cmd:quiz", "9001", dm()));

    assertThat(discord.hows()).containsExactly("defer", "deleteOriginal", "deferEdit");
  }

  @Test
  void aFailureWhileHandlingOneInteractionDoesNotStopTheNext() {
    DiscordInteractionListener flaky =
        listenerFor(
            event -> {
              if (event.chat().id().equals("666")) {
                throw new IllegalStateException("boom");
              }
              return bot.handle(event);
            });

    flaky.onSlashCommandInteraction(discord.slash("help", Map.of(), serverChannel("666")));
    flaky.onSlashCommandInteraction(discord.slash("help", Map.of(), serverChannel("700")));

    assertThat(discord.last().how).isEqualTo("reply");
    assertThat(discord.last().text()).contains("/today");
    assertThat(watchdog.armed()).isZero();
  }

  @Test
  void anInteractionArrivingDuringShutdownIsDroppedWithoutADeadlineLeftArmed() {
    DiscordInteractionListener stopping =
        new DiscordInteractionListener(
            bot,
            gateway,
            work -> {
              throw new RejectedExecutionException("shutting down");
            },
            watchdog);

    stopping.onSlashCommandInteraction(discord.slash("today", Map.of(), dm()));

    assertThat(discord.shown).isEmpty();
    assertThat(watchdog.armed()).isZero();
  }

  /** A core stand-in that only records what it was handed. */
  private static ChatHandler recordingInto(List<IncomingEvent> received) {
    return event -> {
      received.add(event);
      return List.of();
    };
  }

  private DiscordInteractionListener listenerFor(ChatHandler core) {
    return new DiscordInteractionListener(core, gateway, Runnable::run, watchdog);
  }

  private String firstAnswerButton() {
    return discord.shown.stream()
        .flatMap(shown -> shown.customIds().stream())
        .filter(id -> id.startsWith("a:"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer button in " + discord.shown));
  }
}
