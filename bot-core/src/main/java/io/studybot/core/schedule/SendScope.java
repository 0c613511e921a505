package io.studybot.core.schedule;

import io.studybot.core.chat.Platform;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this instance sends: the platforms it serves and, for a platform split into shards over
 * several instances (Discord), the shards it runs. A server's chats belong to shard {@code
 * (serverId >> 22) % total}; chats without a server (direct messages) to shard 0.
 */
public record SendScope(Set<Platform> platforms, Map<Platform, Shards> shards) {

  /** Shards {@code first..last} of {@code total}. */
  public record Shards(int first, int last, int total) {
    public Shards {
      if (first < 0 || last < first || total <= last) {
        throw new IllegalArgumentException("bad shard range " + first + ".." + last + "/" + total);
      }
    }

    public boolean holds(int shard) {
      return shard >= first && shard <= last;
    }

    public boolean all() {
      return first == 0 && last == total - 1;
    }
  }

  public SendScope {
    platforms = platforms.isEmpty() ? EnumSet.noneOf(Platform.class) : EnumSet.copyOf(platforms);
    shards = shards.isEmpty() ? Map.of() : new EnumMap<>(shards);
  }

  /** Everything on these platforms. */
  public static SendScope of(Set<Platform> platforms) {
    return new SendScope(platforms, Map.of());
  }

  /** The same, with only these shards of {@code platform}. */
  public SendScope withShards(Platform platform, Shards range) {
    Map<Platform, Shards> copy = new EnumMap<>(Platform.class);
    copy.putAll(shards);
    copy.put(platform, range);
    return new SendScope(platforms, copy);
  }

  /** The shard range of a platform, unless this instance runs all of them. */
  public Optional<Shards> shardsOf(Platform platform) {
    return Optional.ofNullable(shards.get(platform)).filter(range -> !range.all());
  }
}
