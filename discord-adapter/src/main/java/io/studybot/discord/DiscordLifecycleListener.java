package io.studybot.discord;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.channel.update.ChannelUpdateArchivedEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the core when a server's channels are out of the bot's reach: the bot left or was removed
 * from a server, a channel was deleted, a thread archived. Their daily posts stop at once instead
 * of failing first. All three arrive with the GUILDS intent, which JDA always asks for. The core's
 * work runs on the adapter's workers, keeping JDA's event thread free.
 */
final class DiscordLifecycleListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordLifecycleListener.class);

  private final ChatLifecycle core;
  private final Executor workers;

  DiscordLifecycleListener(ChatLifecycle core, Executor workers) {
    this.core = core;
    this.workers = workers;
  }

  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    String server = event.getGuild().getId();
    run(() -> core.serverGone(Platform.DISCORD, server), "server " + server + " left");
  }

  @Override
  public void onChannelDelete(ChannelDeleteEvent event) {
    if (event.isFromGuild()) {
      gone(event.getChannel(), event.getGuild().getId(), "deleted");
    }
  }

  /** An archived thread takes no posts until someone reopens it; a subscribe there starts anew. */
  @Override
  public void onChannelUpdateArchived(ChannelUpdateArchivedEvent event) {
    if (Boolean.TRUE.equals(event.getNewValue()) && event.isFromGuild()) {
      gone(event.getChannel(), event.getGuild().getId(), "archived");
    }
  }

  private void gone(Channel channel, String server, String how) {
    ChatRef chat = new ChatRef(Platform.DISCORD, channel.getId(), ChatKind.GROUP).onServer(server);
    run(() -> core.chatGone(chat), "channel " + chat.id() + " " + how);
  }

  private void run(Runnable tell, String what) {
    try {
      workers.execute(
          () -> {
            try {
              tell.run();
              log.info("Discord {}: its daily posts stop", what);
            } catch (RuntimeException e) {
              log.error("Stopping the daily posts of Discord {} failed", what, e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("Shutting down; Discord {} is not recorded", what);
    }
  }
}
