package io.studybot.discord;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What the bot needs in a server channel to post its daily lessons there, and which of it is
 * missing, by the names Discord shows in its permission settings.
 */
final class PostingRights {
  /** See the channel, write in it, and show lessons as embeds. */
  private static final List<Permission> IN_CHANNEL =
      List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

  /** In a thread Discord asks for Send Messages in Threads instead of Send Messages. */
  private static final List<Permission> IN_THREAD =
      List.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.MESSAGE_EMBED_LINKS);

  private PostingRights() {}

  /** The permissions the bot lacks in the channel, in a fixed order; empty when it has them all. */
  static List<String> missing(Member bot, GuildChannel channel) {
    Set<Permission> held = bot.getPermissions(channel);
    return neededIn(channel).stream()
        .filter(permission -> !held.contains(permission))
        .map(Permission::getName)
        .toList();
  }

  /** Everything, by name: for a server the bot is not a member of, where it can post nothing. */
  static List<String> all(GuildChannel channel) {
    return neededIn(channel).stream().map(Permission::getName).toList();
  }

  private static List<Permission> neededIn(GuildChannel channel) {
    return channel.getType().isThread() ? IN_THREAD : IN_CHANNEL;
  }
}
