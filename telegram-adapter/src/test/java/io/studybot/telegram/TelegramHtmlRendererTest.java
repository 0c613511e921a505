package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TelegramHtmlRendererTest {

  @Test
  void namesAreEscapedSoTheyCannotInjectMarkup() {
    RichText text =
        RichText.builder()
            .paragraph(new RichText.Plain("1. "), new RichText.Bold("<b>Eve & co</b>"))
            .build();

    assertThat(TelegramHtmlRenderer.render(text))
        .isEqualTo("1. <b>&lt;b&gt;Eve &amp; co&lt;/b&gt;</b>");
  }

  @Test
  void codeBlocksAreEscapedInsidePreformattedCode() {
    RichText text = RichText.builder().code("if a < b && c > d:\n    print(\"<tag>\")\n").build();

    assertThat(TelegramHtmlRenderer.render(text))
        .isEqualTo(
            "<pre><code>if a &lt; b &amp;&amp; c &gt; d:\n"
                + "    print(&quot;&lt;tag&gt;&quot;)</code></pre>");
  }

  @Test
  void inlineFormattingListsAndLinksRender() {
    RichText text =
        RichText.builder()
            .paragraph(RichText.marked("Use `dict[str, int]` for <counts>"))
            .list(
                List.of(
                    List.of(new RichText.Plain("one")),
                    List.of(new RichText.Link("docs & more", "https://docs.python.org/?a=1&b=2"))))
            .build();

    assertThat(TelegramHtmlRenderer.render(text))
        .isEqualTo(
            "Use <code>dict[str, int]</code> for &lt;counts&gt;\n\n"
                + "• one\n"
                + "• <a href=\"https://docs.python.org/?a=1&amp;b=2\">docs &amp; more</a>");
  }

  @Test
  void aLinkTelegramCannotOpenIsShownAsText() {
    RichText text =
        RichText.builder().paragraph(new RichText.Link("run it", "javascript:alert(1)")).build();

    assertThat(TelegramHtmlRenderer.render(text)).isEqualTo("run it (javascript:alert(1))");
  }

  @Test
  void aShortTextIsOneMessage() {
    RichText text = RichText.builder().text("Hello").text("World").build();

    assertThat(TelegramHtmlRenderer.split(text, 4096)).containsExactly("Hello\n\nWorld");
  }

  @Test
  void aLongLessonSplitsAtParagraphBoundaries() {
    RichText.Builder builder = RichText.builder();
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String paragraph = "Paragraph " + i + " " + "x".repeat(300) + " & more";
      paragraphs.add(TelegramHtmlRenderer.escape(paragraph));
      builder.text(paragraph);
    }
    builder.code("print('done')");

    List<String> messages = TelegramHtmlRenderer.split(builder.build(), 4096);

    assertThat(messages).hasSizeGreaterThan(1);
    assertThat(messages)
        .allSatisfy(message -> assertThat(message.length()).isLessThanOrEqualTo(4096));
    List<String> blocks = new ArrayList<>();
    messages.forEach(message -> blocks.addAll(List.of(message.split("\n\n"))));
    assertThat(blocks.subList(0, 30)).containsExactlyElementsOf(paragraphs);
    assertThat(blocks.get(30)).isEqualTo("<pre><code>print('done')</code></pre>");
  }

  @Test
  void aCodeBlockTooLongForOneMessageBecomesSeveralCompleteCodeBlocks() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      code.append("value_").append(i).append(" = a < b and c & d\n");
    }

    List<String> messages =
        TelegramHtmlRenderer.split(RichText.builder().code(code.toString()).build(), 4096);

    assertThat(messages).hasSizeGreaterThan(1);
    StringBuilder rejoined = new StringBuilder();
    for (String message : messages) {
      assertThat(message.length()).isLessThanOrEqualTo(4096);
      assertThat(message).startsWith("<pre><code>").endsWith("</code></pre>");
      assertThat(count(message, "<pre>")).isEqualTo(1);
      rejoined
          .append(unescape(message.replace("<pre><code>", "").replace("</code></pre>", "")))
          .append('\n');
    }
    assertThat(rejoined.toString()).isEqualTo(code.toString());
  }

  @Test
  void aParagraphTooLongForOneMessageIsCutBetweenWordsNeverInsideAnEscape() {
    String word = "a&b ";
    RichText text = RichText.builder().text(word.repeat(2000).strip()).build();

    List<String> messages = TelegramHtmlRenderer.split(text, 4096);

    assertThat(messages).hasSizeGreaterThan(1);
    for (String message : messages) {
      assertThat(message.length()).isLessThanOrEqualTo(4096);
      assertThat(message).doesNotStartWith(" ").doesNotEndWith(" ");
      assertThat(message.replace("a&amp;b", "").strip()).isEmpty();
    }
  }

  private static int count(String text, String fragment) {
    Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  @Test
  void aMessageWithManyShortFormattedSpansIsSplitAtMostAHundredEntitiesAPartKeepingThem() {
    List<RichText.Span> spans = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      spans.add(i % 2 == 0 ? new RichText.Bold("b" + i) : new RichText.InlineCode("c" + i));
      spans.add(new RichText.Plain(" "));
    }
    List<List<RichText.Span>> items = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      items.add(List.of(new RichText.Bold("item" + i), new RichText.Plain(" text")));
    }
    RichText text =
        RichText.builder().text("Intro").paragraph(spans).list(items).code("x = 1").build();

    List<String> messages = TelegramHtmlRenderer.split(text, 4096);

    assertThat(messages)
        .allSatisfy(
            message -> {
              assertThat(message.length()).isLessThanOrEqualTo(4096);
              assertThat(openingTags(message)).isLessThanOrEqualTo(100);
            });
    String all = String.join("\n\n", messages);
    assertThat(openingTags(all)).as("no formatting lost").isEqualTo(250 + 150 + 2);
    assertThat(all).contains("<b>b0</b>", "<code>c249</code>", "• <b>item149</b> text");
    assertThat(all.indexOf("<code>c249</code>")).isLessThan(all.indexOf("<b>item0</b>"));
  }

  @Test
  void entitiesAreCountedAsTheOpeningTagsOfTheRenderedHtml() {
    assertThat(TelegramHtmlRenderer.entities("a &lt;b&gt; <b>x</b> <a href=\"https://e\">y</a>"))
        .isEqualTo(2);
  }

  private static int openingTags(String html) {
    Matcher tag = Pattern.compile("<[a-z]").matcher(html);
    int count = 0;
    while (tag.find()) {
      count++;
    }
    return count;
  }
}
