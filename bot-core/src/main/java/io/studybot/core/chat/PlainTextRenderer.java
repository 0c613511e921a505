package io.studybot.core.chat;

import java.util.List;
import java.util.stream.Collectors;

/** Renders rich text for a terminal: paragraphs separated by blank lines, code indented. */
public final class PlainTextRenderer {
  private PlainTextRenderer() {}

  public static String render(RichText text) {
    return text.blocks().stream().map(PlainTextRenderer::block).collect(Collectors.joining("\n\n"));
  }

  // Java 17 has no pattern matching for switch; instanceof keeps the sealed family exhaustive.
  private static String block(RichText.Block block) {
    if (block instanceof RichText.Paragraph paragraph) {
      return spans(paragraph.spans());
    }
    if (block instanceof RichText.BulletList list) {
      return list.items().stream()
          .map(item -> "  • " + spans(item))
          .collect(Collectors.joining("\n"));
    }
    RichText.CodeBlock code = (RichText.CodeBlock) block;
    return code.code()
        .stripTrailing()
        .lines()
        .map(line -> "    " + line)
        .collect(Collectors.joining("\n"));
  }

  private static String spans(List<RichText.Span> spans) {
    StringBuilder out = new StringBuilder();
    for (RichText.Span span : spans) {
      if (span instanceof RichText.Link link) {
        out.append(link.text()).append(" <").append(link.url()).append('>');
      } else if (span instanceof RichText.InlineCode code) {
        out.append('`').append(code.text()).append('`');
      } else {
        out.append(span.text());
      }
    }
    return out.toString();
  }
}
