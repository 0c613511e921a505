package io.studybot.core.conversation;

import io.studybot.content.Choice;
import io.studybot.content.Language;
import io.studybot.content.Question;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A delivered question as a message with answer buttons. Short options become the buttons' labels;
 * when any option is too long for a button, the options are listed in the text and the buttons
 * carry their letters.
 */
final class QuestionView {
  static final int MAX_BUTTON_LABEL = 24;

  /**
   * The shortest space a personal reply may get: Telegram shows a verdict in a group as a popup of
   * at most 200 characters and cuts the rest.
   */
  static final int POPUP_LENGTH = 200;

  private static final String LETTERS = "ABCDE";

  private final Messages messages;

  QuestionView(Messages messages) {
    this.messages = messages;
  }

  OutgoingMessage render(
      Question question,
      long quizQuestionId,
      Optional<QuestionPlace> place,
      int number,
      int count,
      Optional<String> reviewOfTopic,
      Language language) {
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold(messages.get(language, "quiz.question", number, count)));
    reviewOfTopic.ifPresent(topic -> text.text(messages.get(language, "quiz.review-tag", topic)));
    text.paragraph(RichText.marked(question.prompt().in(language)));
    return withChoices(
        text,
        question,
        quizQuestionId,
        original -> new Payload.Answer(quizQuestionId, place, original).token(),
        language);
  }

  /**
   * The question's code and choices under {@code text}, in the order drawn for {@code delivery},
   * each button carrying the token {@code token} makes from the choice's curriculum index.
   */
  OutgoingMessage withChoices(
      RichText.Builder text,
      Question question,
      long delivery,
      IntFunction<String> token,
      Language language) {
    question.code().ifPresent(text::code);
    List<Choice> choices = question.choices();
    ChoiceOrder order = ChoiceOrder.of(question, delivery);
    boolean lettered =
        choices.stream().anyMatch(choice -> choice.text().in(language).length() > MAX_BUTTON_LABEL);
    if (lettered) {
      List<List<RichText.Span>> items = new ArrayList<>();
      for (int position = 0; position < order.size(); position++) {
        List<RichText.Span> item = new ArrayList<>();
        item.add(new RichText.Bold(letter(position) + ". "));
        item.addAll(RichText.marked(choices.get(order.originalAt(position)).text().in(language)));
        items.add(item);
      }
      text.list(items);
    }
    List<List<Button>> rows = new ArrayList<>();
    for (int position = 0; position < order.size(); position++) {
      int original = order.originalAt(position);
      String label = lettered ? letter(position) : choices.get(original).text().in(language);
      // The token names the choice as the curriculum has it, so a re-render cannot shift it.
      rows.add(List.of(new Button(label, token.apply(original))));
    }
    return OutgoingMessage.of(text.build()).withButtons(lettered ? List.of(flatten(rows)) : rows);
  }

  /** The verdict on an answer, with the explanation; letters as that delivery showed them. */
  RichText verdict(Question question, long delivery, int choice, Language language) {
    ChoiceOrder order = ChoiceOrder.of(question, delivery);
    int right = question.correctIndex();
    String rightText = question.choices().get(right).text().in(language);
    String rightLetter = letter(order.positionOf(right));
    RichText.Builder text = RichText.builder();
    text.paragraph(RichText.marked(question.prompt().in(language)));
    if (choice == right) {
      text.paragraph(
          new RichText.Bold(messages.get(language, "answer.right", rightLetter, rightText)));
    } else {
      String chosen = question.choices().get(choice).text().in(language);
      text.paragraph(
          new RichText.Bold(
              messages.get(language, "answer.wrong", letter(order.positionOf(choice)), chosen)));
      text.paragraph(
          RichText.marked(messages.get(language, "answer.correct-was", rightLetter, rightText)));
    }
    text.paragraph(RichText.marked(question.explanation().in(language)));
    return text.build();
  }

  /** The verdict with a closing line, when both fit in a popup; otherwise the verdict alone. */
  static RichText endingWith(RichText verdict, String line) {
    List<RichText.Block> blocks = new ArrayList<>(verdict.blocks());
    blocks.add(new RichText.Paragraph(List.of(new RichText.Plain(line))));
    RichText ended = new RichText(blocks);
    return ended.plainText().length() <= POPUP_LENGTH ? ended : verdict;
  }

  static String letter(int index) {
    return String.valueOf(LETTERS.charAt(index));
  }

  private static List<Button> flatten(List<List<Button>> rows) {
    return rows.stream().flatMap(List::stream).toList();
  }
}
