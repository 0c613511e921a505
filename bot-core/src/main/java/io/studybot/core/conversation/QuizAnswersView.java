package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.QuizResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group quiz's answers, posted once when it closes: per question the prompt, the right choice
 * with the letter that delivery showed, the explanation and how the group answered. Members read
 * here what a popup verdict had no room for.
 */
final class QuizAnswersView {
  /** Prompts are cut to this many characters: the explanation is what the message is for. */
  static final int PROMPT_LENGTH = 90;

  /** The answers message, or nothing when no member answered the quiz. */
  Optional<OutgoingMessage> render(Turn turn, Quiz quiz) {
    QuizResults results = turn.quizzes.results(quiz.id());
    if (results.nobodyAnswered()) {
      return Optional.empty();
    }
    Language language = turn.language();
    String title =
        turn.curriculum.topic(quiz.topicId()).map(t -> t.title().in(language)).orElse("");
    RichText.Builder text = RichText.builder();
    text.paragraph(new RichText.Bold(turn.text("quiz.answers.title", title)));
    text.text(turn.text("quiz.answers.members", results.members()));
    List<QuizQuestion> questions = turn.quizzes.questionsOf(quiz.id());
    for (QuizQuestion delivered : questions) {
      questionOf(turn, delivered)
          .ifPresent(question -> answer(turn, text, delivered, question, results, language));
    }
    return Optional.of(OutgoingMessage.of(text.build()));
  }

  private static Optional<Question> questionOf(Turn turn, QuizQuestion delivered) {
    Optional<Topic> topic = turn.curriculum.topic(delivered.topicId());
    return topic.flatMap(t -> t.findQuestion(delivered.questionId()));
  }

  private static void answer(
      Turn turn,
      RichText.Builder text,
      QuizQuestion delivered,
      Question question,
      QuizResults results,
      Language language) {
    int right = question.correctIndex();
    String letter = QuestionView.letter(ChoiceOrder.of(question, delivered.id()).positionOf(right));
    List<RichText.Span> prompt = new ArrayList<>();
    prompt.add(new RichText.Bold((delivered.ordinal() + 1) + ". "));
    prompt.addAll(RichText.marked(shortened(question.prompt().in(language))));
    text.paragraph(prompt);
    String choice = question.choices().get(right).text().in(language);
    text.paragraph(RichText.marked(turn.text("quiz.answers.right", letter, choice)));
    text.paragraph(RichText.marked(question.explanation().in(language)));
    QuizResults.Tally tally = results.of(delivered.id());
    text.text(
        tally.answered() == 0
            ? turn.text("quiz.answers.none")
            : turn.text("quiz.answers.tally", tally.right(), tally.answered()));
  }

  /** The prompt up to {@link #PROMPT_LENGTH}, cut at a space where there is one. */
  static String shortened(String prompt) {
    if (prompt.length() <= PROMPT_LENGTH) {
      return prompt;
    }
    int cut = prompt.lastIndexOf(' ', PROMPT_LENGTH - 1);
    int end = cut > PROMPT_LENGTH / 2 ? cut : PROMPT_LENGTH - 1;
    if (Character.isHighSurrogate(prompt.charAt(end - 1))) {
      end--;
    }
    return prompt.substring(0, end).stripTrailing() + "…";
  }
}
