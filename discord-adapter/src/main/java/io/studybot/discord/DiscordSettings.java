package io.studybot.discord;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How to run the Discord bot: its token, a guild to register commands in instead of globally (for
 * development: guild commands appear at once), and the shards of this instance when sharded. {@link
 * #toString()} leaves the token out.
 */
public record DiscordSettings(String token, Optional<String> guildId, Optional<ShardRange> shards) {

  public DiscordSettings {
    requireNonNull(token, "token");
    requireNonNull(guildId, "guildId");
    requireNonNull(shards, "shards");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
  }

  /** The shards this instance runs: the configured range, or all of them when unsharded. */
  public ShardRange shardRange() {
    return shards.orElse(ShardRange.WHOLE);
  }

  @Override
  public String toString() {
    return "DiscordSettings[token=set, guildId="
        + guildId.orElse("none")
        + ", shards="
        + shards.map(ShardRange::toString).orElse("none")
        + "]";
  }
}
