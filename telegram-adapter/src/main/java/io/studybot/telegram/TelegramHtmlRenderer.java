package io.studybot.telegram;

import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the core's rich text in Telegram's HTML parse mode. Every piece of text is escaped, so a
 * name like {@code <b>Eve & co</b>} or a code sample shows literally and can never inject markup.
 * Long texts are split into messages of at most {@link #MAX_MESSAGE_LENGTH} characters and {@link
 * #MAX_ENTITIES} formatting elements at block boundaries; a single block too long for one message
 * is cut at line ends, then spaces, and a cut code block becomes several complete code blocks; a
 * block with too many elements is split between its spans or list items, keeping their formatting.
 */
final class TelegramHtmlRenderer {
  /** Telegram's limit on a message's text. */
  static final int MAX_MESSAGE_LENGTH = 4096;

  /** Telegram's limit on a message's formatting entities (bold, code, links...). */
  static final int MAX_ENTITIES = 100;

  private static final String BLOCK_GAP = "\n\n";
  private static final String PRE_OPEN = "<pre><code>";
  private static final String PRE_CLOSE = "</code></pre>";

  private TelegramHtmlRenderer() {}

  /** The whole text as one HTML string, however long. */
  static String render(RichText text) {
    return text.blocks().stream()
        .map(TelegramHtmlRenderer::block)
        .collect(Collectors.joining(BLOCK_GAP));
  }

  /** The text as messages of at most {@code limit} characters and 100 entities each. */
  static List<String> split(RichText text, int limit) {
    return split(text, limit, MAX_ENTITIES);
  }

  /** The text as messages of at most {@code limit} characters and {@code maxEntities} entities. */
  static List<String> split(RichText text, int limit, int maxEntities) {
    List<String> pieces = new ArrayList<>();
    for (RichText.Block whole : text.blocks()) {
      for (RichText.Block block : withinEntities(whole, maxEntities)) {
        String html = block(block);
        if (html.length() <= limit) {
          pieces.add(html);
        } else {
          pieces.addAll(cutBlock(block, limit));
        }
      }
    }
    return pack(pieces, limit, maxEntities);
  }

  /**
   * How many formatting entities Telegram makes of rendered HTML: every text is escaped, so each
   * {@code <} that does not close a tag opens one. ({@code <pre><code>} counts two, to be safe.)
   */
  static int entities(String html) {
    int count = 0;
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (i + 1 < html.length() && html.charAt(i + 1) != '/') {
        count++;
      }
    }
    return count;
  }

  /** A block as blocks of at most {@code max} entities, split between spans or list items. */
  private static List<RichText.Block> withinEntities(RichText.Block block, int max) {
    if (entities(block(block)) <= max) {
      return List.of(block);
    }
    if (block instanceof RichText.Paragraph paragraph) {
      return chunks(paragraph.spans(), max).stream()
          .map(spans -> (RichText.Block) new RichText.Paragraph(spans))
          .toList();
    }
    if (block instanceof RichText.BulletList list) {
      List<List<RichText.Span>> items = new ArrayList<>();
      for (List<RichText.Span> item : list.items()) {
        items.addAll(chunks(item, max)); // an item too rich for one message continues as another
      }
      return chunks(items, max, item -> entities(spans(item))).stream()
          .map(group -> (RichText.Block) new RichText.BulletList(group))
          .toList();
    }
    return List.of(block); // a code block is one entity
  }

  private static List<List<RichText.Span>> chunks(List<RichText.Span> spans, int max) {
    return chunks(spans, max, span -> entities(spans(List.of(span))));
  }

  /** Consecutive runs of {@code items} whose entities add up to at most {@code max} each. */
  private static <T> List<List<T>> chunks(
      List<T> items, int max, java.util.function.ToIntFunction<T> entitiesOf) {
    List<List<T>> runs = new ArrayList<>();
    List<T> run = new ArrayList<>();
    int inRun = 0;
    for (T item : items) {
      int count = entitiesOf.applyAsInt(item);
      if (!run.isEmpty() && inRun + count > max) {
        runs.add(run);
        run = new ArrayList<>();
        inRun = 0;
      }
      run.add(item);
      inRun += count;
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  // Java 17 has no pattern matching for switch; instanceof keeps the sealed family exhaustive.
  private static String block(RichText.Block block) {
    if (block instanceof RichText.Paragraph paragraph) {
      return spans(paragraph.spans());
    }
    if (block instanceof RichText.BulletList list) {
      return list.items().stream()
          .map(item -> "• " + spans(item))
          .collect(Collectors.joining("\n"));
    }
    RichText.CodeBlock code = (RichText.CodeBlock) block;
    return PRE_OPEN + escape(code.code().stripTrailing()) + PRE_CLOSE;
  }

  private static String spans(List<RichText.Span> spans) {
    StringBuilder out = new StringBuilder();
    for (RichText.Span span : spans) {
      if (span instanceof RichText.Bold bold) {
        out.append("<b>").append(escape(bold.text())).append("</b>");
      } else if (span instanceof RichText.InlineCode code) {
        out.append("<code>").append(escape(code.text())).append("</code>");
      } else if (span instanceof RichText.Link link) {
        out.append(link(link));
      } else {
        out.append(escape(span.text()));
      }
    }
    return out.toString();
  }

  private static String link(RichText.Link link) {
    String url = link.url().strip();
    if (url.startsWith("https://") || url.startsWith("http://")) {
      return "<a href=\"" + escape(url) + "\">" + escape(link.text()) + "</a>";
    }
    // Telegram refuses the whole message for a link it cannot open; show such a URL as text.
    return escape(link.text()) + " (" + escape(url) + ")";
  }

  /** An oversized block as several smaller ones; paragraphs and lists lose their formatting. */
  private static List<String> cutBlock(RichText.Block block, int limit) {
    if (block instanceof RichText.CodeBlock code) {
      int overhead = PRE_OPEN.length() + PRE_CLOSE.length();
      return cut(code.code().stripTrailing(), limit - overhead, 0).stream()
          .map(piece -> PRE_OPEN + escape(piece) + PRE_CLOSE)
          .toList();
    }
    String plain = new RichText(List.of(block)).plainText();
    return cut(plain, limit, 0).stream().map(TelegramHtmlRenderer::escape).toList();
  }

  private static final String[] SEPARATORS = {"\n", " "};

  /**
   * Raw text cut into pieces whose escaped length fits {@code room}: at line ends first, then at
   * spaces, and only as a last resort anywhere (never inside a character or an escape).
   */
  private static List<String> cut(String raw, int room, int level) {
    if (escape(raw).length() <= room) {
      return List.of(raw);
    }
    if (level == SEPARATORS.length) {
      return cutAnywhere(raw, room);
    }
    String separator = SEPARATORS[level];
    List<String> out = new ArrayList<>();
    String current = null;
    for (String part : raw.split(separator, -1)) {
      String candidate = current == null ? part : current + separator + part;
      if (escape(candidate).length() <= room) {
        current = candidate;
        continue;
      }
      if (current != null) {
        out.add(current);
      }
      List<String> pieces = cut(part, room, level + 1);
      out.addAll(pieces.subList(0, pieces.size() - 1));
      current = pieces.get(pieces.size() - 1);
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  private static List<String> cutAnywhere(String raw, int room) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int length = 0;
    for (int i = 0; i < raw.length(); ) {
      int codePoint = raw.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int escaped = escape(character).length();
      if (length + escaped > room && length > 0) {
        out.add(current.toString());
        current.setLength(0);
        length = 0;
      }
      current.append(character);
      length += escaped;
      i += Character.charCount(codePoint);
    }
    out.add(current.toString());
    return out;
  }

  /** Blocks packed greedily into messages, a blank line between blocks. */
  private static List<String> pack(List<String> pieces, int limit, int maxEntities) {
    List<String> messages = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int entities = 0;
    for (String piece : pieces) {
      int more = entities(piece);
      if (current.length() > 0
          && (current.length() + BLOCK_GAP.length() + piece.length() > limit
              || entities + more > maxEntities)) {
        messages.add(current.toString());
        current.setLength(0);
        entities = 0;
      }
      if (current.length() > 0) {
        current.append(BLOCK_GAP);
      }
      current.append(piece);
      entities += more;
    }
    if (current.length() > 0 || messages.isEmpty()) {
      messages.add(current.toString());
    }
    return messages;
  }
}
