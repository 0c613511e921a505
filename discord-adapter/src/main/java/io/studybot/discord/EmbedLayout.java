package io.studybot.discord;

import io.studybot.core.chat.RichText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Reads a message that opens with a bold heading as an embed: the heading is the title, a bold
 * label followed by a list is a field ("Key points"), a labelled list of nothing but links becomes
 * link buttons ("Read more"), and everything else is description. Blocks keep their order: once
 * fields have begun, later text goes into fields too.
 */
final class EmbedLayout {
  /** An unnamed field shows no heading; Discord needs some name, and this one is invisible. */
  static final String NO_NAME = "\u200b";

  /** A part of the embed, in order. */
  sealed interface Item {}

  record Text(String markdown) implements Item {}

  record Field(String name, String value) implements Item {}

  private final String title;
  private final List<Item> items = new ArrayList<>();
  private final List<Button> links = new ArrayList<>();

  private EmbedLayout(String title) {
    this.title = title;
  }

  /** The layout, if the text opens with a bold heading and has more after it. */
  static Optional<EmbedLayout> of(RichText text, int maxLinkButtons) {
    List<RichText.Block> blocks = text.blocks();
    if (blocks.size() < 2 || boldLabel(blocks.get(0)).isEmpty()) {
      return Optional.empty();
    }
    EmbedLayout layout =
        new EmbedLayout(
            Chunks.shorten(boldLabel(blocks.get(0)).get(), MessageEmbed.TITLE_MAX_LENGTH));
    layout.read(blocks.subList(1, blocks.size()), maxLinkButtons);
    return Optional.of(layout);
  }

  String title() {
    return title;
  }

  List<Item> items() {
    return items;
  }

  List<Button> linkButtons() {
    return links;
  }

  private void read(List<RichText.Block> blocks, int maxLinkButtons) {
    boolean fields = false;
    for (int i = 0; i < blocks.size(); i++) {
      RichText.Block block = blocks.get(i);
      Optional<String> label = boldLabel(block);
      if (label.isPresent()
          && i + 1 < blocks.size()
          && blocks.get(i + 1) instanceof RichText.BulletList list) {
        if (links.isEmpty() && asLinkButtons(list, maxLinkButtons)) {
          i++;
          continue;
        }
        String value = DiscordMarkdown.block(list);
        if (value.length() <= MessageEmbed.VALUE_MAX_LENGTH) {
          items.add(new Field(Chunks.shorten(label.get(), MessageEmbed.TITLE_MAX_LENGTH), value));
          fields = true;
          i++;
          continue;
        }
      }
      String markdown = DiscordMarkdown.block(block);
      if (fields && markdown.length() <= MessageEmbed.VALUE_MAX_LENGTH) {
        items.add(new Field(NO_NAME, markdown));
      } else {
        DiscordMarkdown.blockPieces(block, MessageEmbed.DESCRIPTION_MAX_LENGTH)
            .forEach(piece -> items.add(new Text(piece)));
        fields = false; // a new embed follows, which starts with its description
      }
    }
  }

  private boolean asLinkButtons(RichText.BulletList list, int max) {
    List<Button> buttons = new ArrayList<>();
    for (List<RichText.Span> item : list.items()) {
      if (item.size() != 1
          || !(item.get(0) instanceof RichText.Link link)
          || !isWebUrl(link.url())) {
        return false;
      }
      buttons.add(Button.link(link.url(), Chunks.shorten(link.text(), Button.LABEL_MAX_LENGTH)));
    }
    if (buttons.isEmpty() || buttons.size() > max) {
      return false;
    }
    links.addAll(buttons);
    return true;
  }

  private static boolean isWebUrl(String url) {
    if (url.length() > Button.URL_MAX_LENGTH) {
      return false;
    }
    try {
      String scheme = URI.create(url).getScheme();
      return "https".equals(scheme) || "http".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The text of a paragraph that is a single bold span, such as a heading or a list's label. */
  private static Optional<String> boldLabel(RichText.Block block) {
    if (block instanceof RichText.Paragraph paragraph
        && paragraph.spans().size() == 1
        && paragraph.spans().get(0) instanceof RichText.Bold bold
        && !bold.text().isBlank()) {
      return Optional.of(bold.text().strip());
    }
    return Optional.empty();
  }
}
