package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A small platform-neutral rich-text model: blocks of paragraphs, lists and code, whose inline
 * parts are plain, bold, inline code or links. Adapters render it (HTML, Markdown, plain text).
 */
public record RichText(List<Block> blocks) {

  public RichText {
    blocks = List.copyOf(blocks);
  }

  /** A block of a message. */
  public sealed interface Block {}

  /** A paragraph of inline spans. */
  public record Paragraph(List<Span> spans) implements Block {
    public Paragraph {
      spans = List.copyOf(spans);
    }
  }

  /** A bulleted list; each item is a line of spans. */
  public record BulletList(List<List<Span>> items) implements Block {
    public BulletList {
      items = items.stream().map(List::copyOf).toList();
    }
  }

  /** Preformatted code, shown verbatim. */
  public record CodeBlock(String code) implements Block {
    public CodeBlock {
      requireNonNull(code, "code");
    }
  }

  /** An inline part of a paragraph or list item. */
  public sealed interface Span {
    String text();
  }

  public record Plain(String text) implements Span {}

  public record Bold(String text) implements Span {}

  public record InlineCode(String text) implements Span {}

  public record Link(String text, String url) implements Span {}

  /** Plain text with {@code `code`} marked by backticks, as curricula write it. */
  public static List<Span> marked(String text) {
    List<Span> spans = new ArrayList<>();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1;
      if (!parts[i].isEmpty()) {
        spans.add(code ? new InlineCode(parts[i]) : new Plain(parts[i]));
      } else if (i % 2 == 1 && i == parts.length - 1) {
        spans.add(new Plain("`"));
      }
    }
    return spans;
  }

  /** The text without formatting, as a console or a length check sees it. */
  public String plainText() {
    return PlainTextRenderer.render(this);
  }

  /** Builds a message block by block. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects blocks in order. */
  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();

    public Builder paragraph(Span... spans) {
      blocks.add(new Paragraph(List.of(spans)));
      return this;
    }

    public Builder paragraph(List<Span> spans) {
      blocks.add(new Paragraph(spans));
      return this;
    }

    public Builder text(String text) {
      return paragraph(new Plain(text));
    }

    public Builder list(List<List<Span>> items) {
      blocks.add(new BulletList(items));
      return this;
    }

    public Builder code(String code) {
      blocks.add(new CodeBlock(code));
      return this;
    }

    public RichText build() {
      return new RichText(blocks);
    }
  }
}
