package io.studybot.discord;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The bot's connection to Discord, one JDA session or a range of shards: where the gateway finds
 * channels to post in outside an interaction.
 */
interface DiscordConnection {

  /** A guild channel on this instance's shards; another instance's guilds are not found here. */
  Optional<GuildMessageChannel> guildChannel(String channelId);

  /**
   * Whether this instance can vouch for the server's channels: the shard serving it here is
   * connected with its servers loaded, and Discord does not report the server unavailable. A
   * channel missing then is gone; otherwise it may only not be loaded yet.
   */
  boolean hasLoaded(String server);

  /** Opens (or finds) the direct-message channel with a user. */
  RestAction<PrivateChannel> openDm(String userId);

  /** Adds a JDA event listener to every session. */
  void listen(Object listener);

  /** Disconnects, letting requests in flight finish. */
  void close();

  static DiscordConnection of(JDA jda) {
    return new DiscordConnection() {
      @Override
      public Optional<GuildMessageChannel> guildChannel(String channelId) {
        return Optional.ofNullable(jda.getChannelById(GuildMessageChannel.class, channelId));
      }

      @Override
      public boolean hasLoaded(String server) {
        return serves(jda, server);
      }

      @Override
      public RestAction<PrivateChannel> openDm(String userId) {
        return jda.openPrivateChannelById(userId);
      }

      @Override
      public void listen(Object listener) {
        jda.addEventListener(listener);
      }

      @Override
      public void close() {
        jda.shutdown();
        awaitQuietly(jda);
      }
    };
  }

  static DiscordConnection of(ShardManager shards) {
    return new DiscordConnection() {
      @Override
      public Optional<GuildMessageChannel> guildChannel(String channelId) {
        return Optional.ofNullable(shards.getChannelById(GuildMessageChannel.class, channelId));
      }

      @Override
      public boolean hasLoaded(String server) {
        JDA shard = shards.getShardById(ShardRange.shardOf(server, shards.getShardsTotal()));
        return shard != null && serves(shard, server);
      }

      @Override
      public RestAction<PrivateChannel> openDm(String userId) {
        // Any shard may open a DM over REST; the first one running does.
        JDA shard =
            shards.getShards().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Discord shard is running yet"));
        return shard.openPrivateChannelById(userId);
      }

      @Override
      public void listen(Object listener) {
        shards.addEventListener(listener);
      }

      @Override
      public void close() {
        shards.shutdown();
        shards.getShards().forEach(DiscordConnection::awaitQuietly);
      }
    };
  }

  /** Connected means the servers of the session are loaded (or known to be unavailable). */
  private static boolean serves(JDA jda, String server) {
    return jda.getStatus() == JDA.Status.CONNECTED
        && !jda.isUnavailable(Long.parseUnsignedLong(server));
  }

  private static void awaitQuietly(JDA jda) {
    try {
      // Waits at most 10 s; a shard still closing then is left to finish on its own.
      var unused = jda.awaitShutdown(java.time.Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
