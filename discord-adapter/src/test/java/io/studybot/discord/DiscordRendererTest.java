package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {
  private final DiscordRenderer renderer = new DiscordRenderer();

  @Test
  void aLessonBecomesAnEmbedWithKeyPointsAsAFieldAndLinksAsButtons() {
    List<MessageCreateData> parts = renderer.render(lesson(2, "print(1)"));

    assertThat(parts).hasSize(1);
    MessageEmbed embed = parts.get(0).getEmbeds().get(0);
    assertThat(embed.getTitle()).isEqualTo("📘 Day 1 of 3 · Variables");
    assertThat(embed.getDescription()).isEqualTo("A name for a value.\n\nUse `x = 1` to bind it.");
    // Fields keep the lesson's order: key points, then the example code under them.
    assertThat(embed.getFields())
        .extracting(MessageEmbed.Field::getName, MessageEmbed.Field::getValue)
        .containsExactly(
            tuple("Key points", "• Names point at objects\n• Rebinding is cheap"),
            tuple(EmbedLayout.NO_NAME, "```\nprint(1)\n```"));
    List<ActionRow> rows = rows(parts.get(0));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getButtons())
        .extracting(b -> b.getLabel() + "=" + b.getCustomId())
        .containsExactly("Quiz=cmd:quiz", "Next=cmd:next");
    assertThat(rows.get(1).getButtons())
        .allSatisfy(b -> assertThat(b.getStyle()).isEqualTo(ButtonStyle.LINK))
        .extracting(b -> b.getLabel() + " " + b.getUrl())
        .containsExactly(
            "Python docs https://docs.python.org/3/",
            "Tutorial https://docs.python.org/3/tutorial/");
  }

  @Test
  void aLessonTooLongForOneEmbedContinuesInTheNextMessageWithButtonsOnTheLast() {
    String code =
        IntStream.range(0, 120)
            .mapToObj(i -> "line_" + i + " = " + i)
            .reduce("", (a, b) -> a + b + "\n");
    List<MessageCreateData> parts = renderer.render(lesson(60, code));

    assertThat(parts).hasSizeGreaterThan(1);
    for (MessageCreateData part : parts) {
      MessageEmbed embed = part.getEmbeds().get(0);
      assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
      String description = embed.getDescription() == null ? "" : embed.getDescription();
      assertThat(description.length()).isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
      assertThat(countOf("```", description) % 2).as("code fences balanced").isZero();
    }
    assertThat(parts.get(0).getEmbeds().get(0).getTitle()).startsWith("📘 Day 1");
    assertThat(parts.subList(0, parts.size() - 1))
        .allSatisfy(p -> assertThat(p.getComponents()).isEmpty());
    assertThat(rows(parts.get(parts.size() - 1))).hasSize(2);
    String all =
        parts.stream().map(p -> p.getEmbeds().get(0).getDescription()).reduce("", String::concat);
    assertThat(all).contains("line_0 = 0", "line_119 = 119", "Paragraph 59 ends here.");
  }

  @Test
  void plainTextOver2000CharactersIsSplitBetweenParagraphsNeverInsideCode() {
    RichText.Builder text = RichText.builder();
    for (int i = 0; i < 30; i++) {
      text.text("Paragraph " + i + " " + "word ".repeat(20));
      if (i % 10 == 0) {
        text.code("for i in range(3):\n    print(i)");
      }
    }
    List<MessageCreateData> parts = renderer.render(OutgoingMessage.of(text.build()));

    assertThat(parts).hasSizeGreaterThan(1);
    for (MessageCreateData part : parts) {
      assertThat(part.getContent().length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
      assertThat(countOf("```", part.getContent()) % 2).isZero();
      assertThat(part.getContent()).startsWith("Paragraph").doesNotStartWith("\n");
      assertThat(part.getEmbeds()).isEmpty();
    }
  }

  @Test
  void aSingleHugeCodeBlockIsCutBetweenLinesAndFencedAgain() {
    String code = "x = 1\n".repeat(800);
    List<MessageCreateData> parts =
        renderer.render(OutgoingMessage.of(RichText.builder().code(code).build()));

    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts)
        .allSatisfy(
            p -> {
              assertThat(p.getContent()).startsWith("```\n").endsWith("\n```");
              assertThat(p.getContent().length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
            });
  }

  @Test
  void payloadsAreCustomIdsWithinDiscordsLimitAndRowsHoldFiveButtons() {
    String longest = "a:" + "9".repeat(Button.MAX_PAYLOAD_BYTES - 2);
    List<Button> seven = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add(new Button("Option " + i, i == 0 ? longest : "a:1:" + i));
    }
    OutgoingMessage message = OutgoingMessage.text("Pick one").withButtons(List.of(seven));

    List<ActionRow> rows = rows(renderer.render(message).get(0));

    assertThat(rows).extracting(row -> row.getButtons().size()).containsExactly(5, 2);
    assertThat(rows.get(0).getButtons().get(0).getCustomId())
        .isEqualTo(longest)
        .hasSizeLessThanOrEqualTo(net.dv8tion.jda.api.components.buttons.Button.ID_MAX_LENGTH);
  }

  @Test
  void manySmallRowsArePackedFiveButtonsToARow() {
    List<List<Button>> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(List.of(new Button("Zone " + i, "zone:" + i)));
    }
    List<MessageCreateData> parts =
        renderer.render(OutgoingMessage.text("Which zone?").withButtons(rows));

    assertThat(parts).hasSize(1);
    assertThat(rows(parts.get(0))).extracting(row -> row.getButtons().size()).containsExactly(5, 2);
  }

  @Test
  void moreThanTwentyFiveButtonsSpillIntoAMessageOfTheirOwn() {
    List<List<Button>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(List.of(new Button("Choice " + i, "a:1:" + i)));
    }
    List<MessageCreateData> parts =
        renderer.render(OutgoingMessage.text("Which?").withButtons(rows));

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).getContent()).isEqualTo("Which?");
    assertThat(rows(parts.get(0))).hasSize(5);
    assertThat(rows(parts.get(1))).hasSize(1);
  }

  @Test
  void longButtonLabelsAreShortenedToEightyCharacters() {
    OutgoingMessage message =
        OutgoingMessage.text("?")
            .withButtons(List.of(List.of(new Button("x".repeat(120), "a:1:0"))));

    String label = rows(renderer.render(message).get(0)).get(0).getButtons().get(0).getLabel();

    assertThat(label).hasSize(80).endsWith("…");
  }

  @Test
  void textFromLearnersCannotFormatOrMention() {
    RichText text =
        RichText.builder()
            .paragraph(
                new RichText.Plain("*Ada* says @everyone "),
                new RichText.Bold("__bold__"),
                new RichText.InlineCode("a`b"))
            .text("# not a heading")
            .build();

    MessageCreateData part = renderer.render(OutgoingMessage.of(text)).get(0);

    assertThat(part.getContent())
        .isEqualTo("\\*Ada\\* says \\@everyone **\\_\\_bold\\_\\_**`` a`b ``\n\n\\# not a heading");
    assertThat(part.getAllowedMentions()).isEmpty();
  }

  @Test
  void aLeaderboardIsAnEmbedWithTheRowsInItsDescription() {
    RichText board =
        RichText.builder()
            .paragraph(new RichText.Bold("🏆 Leaderboard (2)"))
            .list(
                List.of(
                    List.of(new RichText.Plain("1. Ada: 5 topics")),
                    List.of(new RichText.Plain("2. Li: 3 topics"))))
            .build();

    MessageEmbed embed = renderer.render(OutgoingMessage.of(board)).get(0).getEmbeds().get(0);

    assertThat(embed.getTitle()).isEqualTo("🏆 Leaderboard (2)");
    assertThat(embed.getDescription()).isEqualTo("• 1. Ada: 5 topics\n• 2. Li: 3 topics");
  }

  /** A lesson shaped like the core's: heading, paragraphs, key points, code, links, buttons. */
  static OutgoingMessage lesson(int paragraphs, String code) {
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold("📘 Day 1 of 3 · Variables"));
    if (paragraphs == 2) {
      text.text("A name for a value.");
      text.paragraph(RichText.marked("Use `x = 1` to bind it."));
    } else {
      for (int i = 0; i < paragraphs; i++) {
        text.text(
            "Paragraph "
                + i
                + ": "
                + "Python binds names to objects. ".repeat(8)
                + "Paragraph "
                + i
                + " ends here.");
      }
    }
    text.paragraph(new RichText.Bold("Key points"));
    text.list(
        List.of(
            List.of(new RichText.Plain("Names point at objects")),
            List.of(new RichText.Plain("Rebinding is cheap"))));
    text.code(code);
    text.paragraph(new RichText.Bold("Read more"));
    text.list(
        List.of(
            List.of(new RichText.Link("Python docs", "https://docs.python.org/3/")),
            List.of(new RichText.Link("Tutorial", "https://docs.python.org/3/tutorial/"))));
    return OutgoingMessage.of(text.build())
        .withButtons(
            List.of(List.of(new Button("Quiz", "cmd:quiz"), new Button("Next", "cmd:next"))));
  }

  static List<ActionRow> rows(MessageCreateData data) {
    return data.getComponents().stream().map(c -> c.asActionRow()).toList();
  }

  private static int countOf(String needle, String text) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      count++;
    }
    return count;
  }
}
