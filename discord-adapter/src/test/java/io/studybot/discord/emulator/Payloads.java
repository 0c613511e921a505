package io.studybot.discord.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/** Discord's JSON objects as the gateway and the REST API send them. */
final class Payloads {
  static final long VIEW_CHANNEL = 1L << 10;
  static final long SEND_MESSAGES = 1L << 11;
  static final long EMBED_LINKS = 1L << 14;
  static final long READ_MESSAGE_HISTORY = 1L << 16;
  static final long USE_APPLICATION_COMMANDS = 1L << 31;
  static final long MANAGE_GUILD = 1L << 5;

  /** What every member of the fake's servers may do. */
  static final long EVERYONE =
      VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;

  private static final String JOINED = "2026-01-05T10:00:00.000000+00:00";

  private Payloads() {}

  static DataObject user(String id, String name, boolean bot) {
    return DataObject.empty()
        .put("id", id)
        .put("username", name)
        .put("global_name", name)
        .put("discriminator", "0")
        .putNull("avatar")
        .put("bot", bot)
        .put("public_flags", 0);
  }

  static DataObject role(String id, String name, int position, long permissions) {
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .put("color", 0)
        .put("colors", DataObject.empty().put("primary_color", 0))
        .put("hoist", false)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  static DataObject member(DataObject user, DataArray roles) {
    return DataObject.empty()
        .put("user", user)
        .put("roles", roles)
        .putNull("nick")
        .put("joined_at", JOINED)
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false);
  }

  static DataObject textChannel(String id, String guildId, String name, int position, long deny) {
    DataArray overwrites = DataArray.empty();
    if (deny != 0) {
      // @everyone's role has the server's id.
      overwrites.add(
          DataObject.empty()
              .put("id", guildId)
              .put("type", 0)
              .put("allow", "0")
              .put("deny", Long.toString(deny)));
    }
    return DataObject.empty()
        .put("id", id)
        .put("type", 0)
        .put("guild_id", guildId)
        .put("name", name)
        .put("position", position)
        .put("permission_overwrites", overwrites)
        .putNull("topic")
        .put("nsfw", false)
        .putNull("last_message_id")
        .put("rate_limit_per_user", 0)
        .putNull("parent_id")
        .put("flags", 0);
  }

  static DataObject dmChannel(String id, DataObject recipient) {
    return DataObject.empty()
        .put("id", id)
        .put("type", 1)
        .putNull("last_message_id")
        .put("flags", 0)
        .put("recipients", DataArray.empty().add(recipient));
  }

  /** A message the bot sent, as Discord returns it: the request's content, embeds and buttons. */
  static DataObject message(
      String id, String channelId, DataObject author, DataObject body, Instant at) {
    DataObject message =
        DataObject.empty()
            .put("id", id)
            .put("channel_id", channelId)
            .put("type", 0)
            .put("author", author)
            .put("content", body.getString("content", ""))
            .put("timestamp", timestamp(at))
            .putNull("edited_timestamp")
            .put("tts", false)
            .put("mention_everyone", false)
            .put("mentions", DataArray.empty())
            .put("mention_roles", DataArray.empty())
            .put("attachments", attachments(body))
            .put("embeds", richEmbeds(body))
            .put("components", body.optArray("components").orElseGet(DataArray::empty))
            .put("pinned", false)
            .put("flags", body.getInt("flags", 0));
    return message;
  }

  /** Discord returns the embeds it accepted with their type, "rich" for the bot's own. */
  static DataArray richEmbeds(DataObject body) {
    DataArray embeds = DataArray.empty();
    DataArray sent = body.optArray("embeds").orElseGet(DataArray::empty);
    for (int i = 0; i < sent.length(); i++) {
      DataObject embed = sent.getObject(i);
      if (!embed.hasKey("type")) {
        embed.put("type", "rich");
      }
      embeds.add(embed);
    }
    return embeds;
  }

  /** Files uploaded with a message come back as attachments with an address on Discord's CDN. */
  private static DataArray attachments(DataObject body) {
    DataArray attachments = DataArray.empty();
    DataArray sent = body.optArray("attachments").orElseGet(DataArray::empty);
    for (int i = 0; i < sent.length(); i++) {
      String name = sent.getObject(i).getString("filename", "file" + i);
      String url = "https://cdn.discordapp.com/attachments/" + i + "/" + name;
      attachments.add(
          DataObject.empty()
              .put("id", Long.toString(1_000_000_000_000_000L + i))
              .put("filename", name)
              .put("size", 1)
              .put("url", url)
              .put("proxy_url", url)
              .put(
                  "content_type",
                  name.endsWith(".png") ? "image/png" : "application/octet-stream"));
    }
    return attachments;
  }

  static String timestamp(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
  }
}
