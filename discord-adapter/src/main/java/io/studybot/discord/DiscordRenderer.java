package io.studybot.discord;

import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns one core message into the Discord messages that show it, in order. A message with a bold
 * heading becomes an embed (see {@link EmbedLayout}); any other is markdown content. Text too long
 * for one message continues in the next, cut between blocks; buttons go under the last part.
 */
final class DiscordRenderer {
  static final int EMBED_COLOR = 0x2E7D32;
  static final int BUTTONS_PER_ROW = 5;
  static final int ROWS_PER_MESSAGE = Message.MAX_COMPONENT_COUNT;
  private static final String BLOCK_SEPARATOR = "\n\n";

  List<MessageCreateData> render(OutgoingMessage message) {
    List<ActionRow> actions = actionRows(message.buttons());
    int linkRoom = Math.max(0, ROWS_PER_MESSAGE - actions.size()) * BUTTONS_PER_ROW;
    Optional<EmbedLayout> layout = EmbedLayout.of(message.body(), linkRoom);
    List<MessageCreateBuilder> parts =
        layout.isPresent() ? embedParts(layout.get()) : contentParts(message.body());
    List<ActionRow> rows = new ArrayList<>(actions);
    if (layout.isPresent() && !layout.get().linkButtons().isEmpty()) {
      rows.addAll(ActionRow.partitionOf(layout.get().linkButtons()));
    }
    attachRows(parts, rows);
    message
        .picture()
        .ifPresent(
            picture ->
                parts
                    .get(parts.size() - 1)
                    .addFiles(
                        FileUpload.fromData(picture.png(), picture.fileName())
                            .setDescription(Chunks.shorten(picture.description(), 1024))));
    return parts.stream()
        .map(part -> part.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build())
        .toList();
  }

  /**
   * The core's rows, each wrapped at five buttons; a payload is the button's custom_id. When that
   * makes more rows than a message holds, the buttons are packed five to a row instead, so up to 25
   * (such as a list of time zones, one a row) still fit under one message.
   */
  static List<ActionRow> actionRows(List<List<io.studybot.core.chat.Button>> rows) {
    List<ActionRow> result = new ArrayList<>();
    for (List<io.studybot.core.chat.Button> row : rows) {
      if (!row.isEmpty()) {
        result.addAll(ActionRow.partitionOf(row.stream().map(DiscordRenderer::button).toList()));
      }
    }
    if (result.size() <= ROWS_PER_MESSAGE) {
      return result;
    }
    return ActionRow.partitionOf(
        rows.stream().flatMap(List::stream).map(DiscordRenderer::button).toList());
  }

  private static Button button(io.studybot.core.chat.Button button) {
    // Discord refuses a blank label, which would lose the whole message.
    String label = button.label().isBlank() ? "…" : button.label();
    return Button.secondary(
        customId(button.payload()), Chunks.shorten(label, Button.LABEL_MAX_LENGTH));
  }

  static String customId(String payload) {
    // The core keeps payloads within 64 bytes, well inside Discord's 100 characters.
    if (payload.length() > Button.ID_MAX_LENGTH) {
      throw new IllegalArgumentException("button payload over " + Button.ID_MAX_LENGTH + " chars");
    }
    return payload;
  }

  private static List<MessageCreateBuilder> contentParts(RichText body) {
    List<String> pieces = new ArrayList<>();
    for (RichText.Block block : body.blocks()) {
      pieces.addAll(DiscordMarkdown.blockPieces(block, Message.MAX_CONTENT_LENGTH));
    }
    List<MessageCreateBuilder> parts = new ArrayList<>();
    for (String content : Chunks.pack(pieces, BLOCK_SEPARATOR, Message.MAX_CONTENT_LENGTH)) {
      parts.add(new MessageCreateBuilder().setContent(content));
    }
    return parts;
  }

  private static List<MessageCreateBuilder> embedParts(EmbedLayout layout) {
    List<MessageEmbed> embeds = new ArrayList<>();
    EmbedBuilder embed = newEmbed().setTitle(layout.title());
    StringBuilder description = new StringBuilder();
    for (EmbedLayout.Item item : layout.items()) {
      if (item instanceof EmbedLayout.Text text) {
        int added =
            (description.length() > 0 ? BLOCK_SEPARATOR.length() : 0) + text.markdown().length();
        if (!embed.getFields().isEmpty()
            || description.length() + added > MessageEmbed.DESCRIPTION_MAX_LENGTH
            || embed.length() + added > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
          embeds.add(finish(embed, description));
          embed = newEmbed();
          description.setLength(0);
        }
        if (description.length() > 0) {
          description.append(BLOCK_SEPARATOR);
        }
        description.append(text.markdown());
        embed.setDescription(description);
      } else {
        EmbedLayout.Field field = (EmbedLayout.Field) item;
        if (embed.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT
            || embed.length() + field.name().length() + field.value().length()
                > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
          embeds.add(finish(embed, description));
          embed = newEmbed();
          description.setLength(0);
        }
        embed.addField(field.name(), field.value(), false);
      }
    }
    embeds.add(finish(embed, description));
    List<MessageCreateBuilder> parts = new ArrayList<>();
    for (MessageEmbed part : embeds) {
      parts.add(new MessageCreateBuilder().setEmbeds(part));
    }
    return parts;
  }

  private static EmbedBuilder newEmbed() {
    return new EmbedBuilder().setColor(EMBED_COLOR);
  }

  private static MessageEmbed finish(EmbedBuilder embed, StringBuilder description) {
    embed.setDescription(description.length() == 0 ? null : description);
    return embed.build();
  }

  /** Rows go under the last part; more than five rows spill into messages of their own. */
  private static void attachRows(List<MessageCreateBuilder> parts, List<ActionRow> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_MESSAGE) {
      List<ActionRow> group = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_MESSAGE));
      if (from == 0 && !parts.isEmpty()) {
        parts.get(parts.size() - 1).setComponents(group);
      } else {
        parts.add(new MessageCreateBuilder().setComponents(group));
      }
    }
    if (parts.isEmpty()) {
      parts.add(new MessageCreateBuilder().setContent("\u200b"));
    }
  }
}
