package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.unions.ChannelUnion;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import org.junit.jupiter.api.Test;

/** Servers left, channels deleted and threads archived, told to the core. */
class DiscordLifecycleListenerTest {
  private static final String SERVER = "81384788765712384";

  private final List<String> told = new ArrayList<>();
  private final ChatLifecycle core =
      new ChatLifecycle() {
        @Override
        public void chatGone(ChatRef chat) {
          told.add("chatGone " + chat);
        }

        @Override
        public void serverGone(Platform platform, String server) {
          told.add("serverGone " + platform + " " + server);
        }

        @Override
        public void chatMoved(ChatRef from, String newChatId) {
          told.add("chatMoved " + from + " " + newChatId);
        }
      };
  private final List<Runnable> queued = new ArrayList<>();
  private final DiscordLifecycleListener listener = new DiscordLifecycleListener(core, queued::add);

  @Test
  void anArchivedThreadIsGoneAndAReopenedOneIsNot() {
    listener.onChannelUpdateArchived(archived("900", true));
    listener.onChannelUpdateArchived(archived("901", false));
    runQueued();

    assertThat(told).containsExactly("chatGone " + groupChat("900"));
  }

  @Test
  void aDeletedDmChannelIsNoGroup() {
    ChannelDeleteEvent deleted = mock(ChannelDeleteEvent.class);
    when(deleted.isFromGuild()).thenReturn(false);

    listener.onChannelDelete(deleted);
    runQueued();

    assertThat(told).isEmpty();
  }

  @Test
  void theCoreIsToldOnAWorkerNotOnJdasEventThread() {
    GuildLeaveEvent left = mock(GuildLeaveEvent.class);
    Guild server = server();
    when(left.getGuild()).thenReturn(server);

    listener.onGuildLeave(left);

    assertThat(told).isEmpty();
    assertThat(queued).hasSize(1);
  }

  @Test
  void aFailureInTheCoreOrAShutdownIsLoggedNotThrownAtJda() {
    DiscordLifecycleListener failing =
        new DiscordLifecycleListener(
            new ChatLifecycle() {
              @Override
              public void chatGone(ChatRef chat) {
                throw new IllegalStateException("database down");
              }

              @Override
              public void serverGone(Platform platform, String server) {
                throw new IllegalStateException("database down");
              }

              @Override
              public void chatMoved(ChatRef from, String newChatId) {
                throw new IllegalStateException("database down");
              }
            },
            Runnable::run);
    DiscordLifecycleListener stopping =
        new DiscordLifecycleListener(
            core,
            work -> {
              throw new RejectedExecutionException("shutting down");
            });

    failing.onChannelUpdateArchived(archived("900", true));
    stopping.onChannelUpdateArchived(archived("900", true));

    assertThat(told).isEmpty();
  }

  private ChannelUpdateArchivedEvent archived(String threadId, boolean archived) {
    ChannelUpdateArchivedEvent event = mock(ChannelUpdateArchivedEvent.class);
    when(event.getNewValue()).thenReturn(archived);
    when(event.isFromGuild()).thenReturn(true);
    Guild server = server();
    when(event.getGuild()).thenReturn(server);
    ChannelUnion thread = channel(threadId);
    when(event.getChannel()).thenReturn(thread);
    return event;
  }

  private static ChannelUnion channel(String id) {
    ChannelUnion channel = mock(ChannelUnion.class);
    when(channel.getId()).thenReturn(id);
    return channel;
  }

  private static Guild server() {
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn(SERVER);
    return guild;
  }

  private static ChatRef groupChat(String id) {
    return new ChatRef(Platform.DISCORD, id, ChatKind.GROUP).onServer(SERVER);
  }

  private void runQueued() {
    List<Runnable> work = List.copyOf(queued);
    queued.clear();
    work.forEach(Runnable::run);
  }
}
