package io.studybot.discord;

import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands once connected: globally (Discord may take up to an hour to show
 * changes everywhere), or in one guild for development, where they appear at once.
 */
final class CommandRegistrar extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

  private final Optional<String> guildId;

  CommandRegistrar(Optional<String> guildId) {
    this.guildId = guildId;
  }

  /**
   * The least the bot needs in a channel to post a group's lessons: see it, write in it and its
   * threads, and show embeds. Interaction answers need no channel permission at all.
   */
  static final EnumSet<Permission> CHANNEL_PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.MESSAGE_EMBED_LINKS);

  /** The link that adds the bot, with its slash commands, to a server. */
  static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot%20applications.commands&permissions="
        + Permission.getRaw(CHANNEL_PERMISSIONS);
  }

  @Override
  public void onReady(ReadyEvent event) {
    int shard = event.getJDA().getShardInfo().getShardId();
    if (shard == 0) {
      log.info(
          "Invite the bot with {}", inviteUrl(event.getJDA().getSelfUser().getApplicationId()));
    }
    if (guildId.isPresent()) {
      // With shards the server may sit on another shard; only a single session can tell.
      boolean single = event.getJDA().getShardInfo().getShardTotal() == 1;
      if (single && event.getJDA().getGuildById(guildId.get()) == null) {
        log.warn(
            "DISCORD_GUILD_ID {}: the bot is not in that server yet; invite it (see README)",
            guildId.get());
      }
      return;
    }
    if (shard == 0) { // global commands belong to the application: one shard registers them
      event
          .getJDA()
          .updateCommands()
          .addCommands(SlashCommands.commandData())
          .queue(
              done -> log.info("Registered {} global slash commands", done.size()),
              e -> log.error("Registering the global slash commands failed", e));
    }
  }

  @Override
  public void onShutdown(ShutdownEvent event) {
    if (event.getCloseCode() == CloseCode.AUTHENTICATION_FAILED) {
      log.error("DISCORD_BOT_TOKEN: Discord does not accept this token; the bot is offline");
    }
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    if (guildId.isPresent() && guildId.get().equals(event.getGuild().getId())) {
      event
          .getGuild()
          .updateCommands()
          .addCommands(SlashCommands.commandData())
          .queue(
              done ->
                  log.info("Registered {} slash commands in guild {}", done.size(), guildId.get()),
              e ->
                  log.error("Registering the slash commands in guild {} failed", guildId.get(), e));
    }
  }
}
