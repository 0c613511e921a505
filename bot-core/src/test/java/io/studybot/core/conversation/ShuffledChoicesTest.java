package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Choice;
import io.studybot.content.LocalizedText;
import io.studybot.content.Origin;
import io.studybot.content.Question;
import io.studybot.content.QuestionKind;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each delivery shows a question's choices in its own order; letters stay true to it. */
class ShuffledChoicesTest {
  private static final Question FOUR =
      question(
          QuestionKind.SINGLE,
          choice("a", true),
          choice("b", false),
          choice("c", false),
          choice("d", false));

  private final BotHarness harness = BotHarness.onH2();
  private final PlatformUser ada = user("100", "Ada", "en");
  private final ChatRef chat = privateChat(ada);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void deliveriesDrawDifferentOrdersAndOneDeliveryAlwaysTheSame() {
    Set<List<Integer>> orders = new HashSet<>();
    Set<Integer> rightPositions = new HashSet<>();
    for (long delivery = 1; delivery <= 60; delivery++) {
      List<Integer> order = order(ChoiceOrder.of(FOUR, delivery));
      assertThat(order(ChoiceOrder.of(FOUR, delivery))).isEqualTo(order);
      assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3);
      orders.add(order);
      rightPositions.add(ChoiceOrder.of(FOUR, delivery).positionOf(0));
    }
    assertThat(orders).hasSizeGreaterThan(12);
    assertThat(rightPositions).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void aPinnedChoiceStaysLastAndTrueFalseKeepsItsOrder() {
    Question pinned =
        question(
            QuestionKind.SINGLE,
            choice("a", false),
            choice("b", false),
            choice("c", false),
            new Choice(LocalizedText.same("all of the above"), true, true));
    Question trueFalse =
        question(QuestionKind.TRUE_FALSE, choice("True", false), choice("False", true));
    for (long delivery = 1; delivery <= 40; delivery++) {
      assertThat(ChoiceOrder.of(pinned, delivery).originalAt(3)).isEqualTo(3);
      assertThat(order(ChoiceOrder.of(trueFalse, delivery))).containsExactly(0, 1);
    }
  }

  @Test
  void theVerdictNamesTheLettersTheDeliveryShowed() {
    harness.type(ada, "/quiz");
    FakeChatGateway.Sent question =
        harness.gateway.sentTo(chat).stream()
            .filter(
                sent ->
                    !sent.buttons().isEmpty() && sent.buttons().get(0).payload().startsWith("a:"))
            .findFirst()
            .orElseThrow();
    List<Button> shown = question.buttons();
    int rightAt =
        IntStream.range(0, shown.size())
            .filter(i -> shown.get(i).label().equals("right"))
            .findFirst()
            .orElseThrow();
    int wrongAt =
        IntStream.range(0, shown.size())
            .filter(i -> shown.get(i).label().equals("wrong"))
            .findFirst()
            .orElseThrow();

    harness.press(ada, chat, shown.get(wrongAt).payload());

    String letters = "ABC";
    assertThat(harness.lastText(chat))
        .contains("you chose " + letters.charAt(wrongAt) + ". wrong")
        .contains("The right answer is " + letters.charAt(rightAt) + ". right");
  }

  private static List<Integer> order(ChoiceOrder order) {
    return IntStream.range(0, order.size()).mapToObj(order::originalAt).toList();
  }

  private static Choice choice(String text, boolean correct) {
    return new Choice(LocalizedText.same(text), correct);
  }

  private static Question question(QuestionKind kind, Choice... choices) {
    return new Question(
        "q",
        kind,
        LocalizedText.same("Which?"),
        Optional.empty(),
        List.of(choices),
        LocalizedText.same("Because."),
        Origin.UNKNOWN);
  }
}
