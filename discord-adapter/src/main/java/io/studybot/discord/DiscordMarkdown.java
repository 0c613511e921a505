package io.studybot.discord;

import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the core's rich text as Discord markdown. Text from curricula and learners is escaped, so
 * a name like {@code *Ada*} or a line starting with {@code #} shows as typed.
 */
final class DiscordMarkdown {
  private static final Pattern INLINE_SPECIAL = Pattern.compile("([\\\\*_~`|\\[\\]<>@])");
  private static final Pattern LINE_START_SPECIAL = Pattern.compile("(?m)^(\\s*)([#\\-+])");
  private static final Pattern LINE_START_NUMBER = Pattern.compile("(?m)^(\\s*\\d+)\\.");
  private static final String FENCE = "```";

  private DiscordMarkdown() {}

  /** One block as markdown, whatever its length. */
  static String block(RichText.Block block) {
    if (block instanceof RichText.Paragraph paragraph) {
      return spans(paragraph.spans());
    }
    if (block instanceof RichText.BulletList list) {
      // The bullet protects an item's first line; only its later lines need escaping.
      return list.items().stream()
          .map(item -> escapeLineStarts("• " + inline(item)))
          .collect(Collectors.joining("\n"));
    }
    return code(((RichText.CodeBlock) block).code());
  }

  /**
   * One block as markdown pieces of at most {@code limit} characters: a list breaks between items,
   * a paragraph between lines or words, code between lines, each piece fenced again so it stays a
   * code block.
   */
  static List<String> blockPieces(RichText.Block block, int limit) {
    String whole = block(block);
    if (whole.length() <= limit) {
      return List.of(whole);
    }
    if (block instanceof RichText.CodeBlock code) {
      int overhead = code(" ").length() - 1;
      List<String> pieces = new ArrayList<>();
      for (String lines : Chunks.split(code.code().stripTrailing(), "\n", limit - overhead)) {
        pieces.add(code(lines));
      }
      return pieces;
    }
    return Chunks.split(whole, "\n", limit);
  }

  static String spans(List<RichText.Span> spans) {
    return escapeLineStarts(inline(spans));
  }

  private static String inline(List<RichText.Span> spans) {
    StringBuilder out = new StringBuilder();
    for (RichText.Span span : spans) {
      out.append(span(span));
    }
    return out.toString();
  }

  static String span(RichText.Span span) {
    if (span instanceof RichText.Bold bold) {
      return bold.text().isBlank() ? bold.text() : "**" + escape(bold.text()) + "**";
    }
    if (span instanceof RichText.InlineCode code) {
      return inlineCode(code.text());
    }
    if (span instanceof RichText.Link link) {
      return "[" + escape(link.text()) + "](" + link.url().replace(")", "%29") + ")";
    }
    return escape(span.text());
  }

  /** Text with Discord's markdown and mention characters made literal. */
  static String escape(String text) {
    return INLINE_SPECIAL.matcher(text).replaceAll("\\\\$1");
  }

  private static String escapeLineStarts(String text) {
    String marks = LINE_START_SPECIAL.matcher(text).replaceAll("$1\\\\$2");
    return LINE_START_NUMBER.matcher(marks).replaceAll("$1\\\\.");
  }

  private static String inlineCode(String text) {
    // Double backticks let code contain a single backtick; spaces keep edge backticks apart.
    return text.contains("`") ? "`` " + text.replace("``", "`\u200b`") + " ``" : "`" + text + "`";
  }

  private static String code(String code) {
    // A fence inside the code would end the block early; a zero-width space breaks it up.
    String body = code.stripTrailing().replace(FENCE, "``\u200b`");
    return FENCE + "\n" + body + "\n" + FENCE;
  }
}
