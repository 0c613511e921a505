package io.studybot.discord;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * How to run the Discord bot: its token, a guild to register commands in instead of globally (for
 * development: guild commands appear at once), the shards of this instance when sharded, and the
 * REST base URL (Discord's own, or a proxy's or a local fake Discord's). {@link #toString()} leaves
 * the token out.
 */
public record DiscordSettings(
    String token, Optional<String> guildId, Optional<ShardRange> shards, URI apiUrl) {
  /** Discord's own REST base, with the API version JDA speaks. */
  public static final URI DEFAULT_API_URL = URI.create(RestConfig.DEFAULT_BASE_URL);

  public DiscordSettings {
    requireNonNull(token, "token");
    requireNonNull(guildId, "guildId");
    requireNonNull(shards, "shards");
    requireNonNull(apiUrl, "apiUrl");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    if (!apiUrl.getPath().endsWith("/")) {
      apiUrl = URI.create(apiUrl + "/"); // JDA joins routes to the base as text
    }
  }

  /** Settings for Discord itself. */
  public DiscordSettings(String token, Optional<String> guildId, Optional<ShardRange> shards) {
    this(token, guildId, shards, DEFAULT_API_URL);
  }

  /** Whether the bot talks to Discord itself rather than to another REST base. */
  public boolean usesDiscord() {
    return apiUrl.equals(DEFAULT_API_URL);
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
        + ", apiUrl="
        + (usesDiscord() ? "discord" : "custom")
        + "]";
  }
}
