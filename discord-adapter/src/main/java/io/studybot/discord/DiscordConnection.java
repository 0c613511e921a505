package io.studybot.discord;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * The sessions of this instance not connected to Discord's gateway right now, each as "shard N
   * STATUS"; empty when every one is connected.
   */
  List<String> notConnected();

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
      public List<String> notConnected() {
        return jda.getStatus() == JDA.Status.CONNECTED
            ? List.of()
            : List.of("session " + jda.getStatus());
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

  /** The shards {@code range} names, run by {@code shards}. */
  static DiscordConnection of(ShardManager shards, List<Integer> range) {
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
      public List<String> notConnected() {
        List<String> down = new ArrayList<>();
        for (int id : range) {
          JDA shard = shards.getShardById(id);
          JDA.Status status = shard == null ? JDA.Status.INITIALIZING : shard.getStatus();
          if (status != JDA.Status.CONNECTED) {
            down.add("shard " + id + " " + status);
          }
        }
        return down;
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
