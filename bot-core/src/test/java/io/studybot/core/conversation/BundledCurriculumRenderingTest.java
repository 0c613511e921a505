package io.studybot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Curricula;
import io.studybot.content.Curriculum;
import io.studybot.content.Language;
import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every lesson and question of the bundled course fits the platforms once rendered. */
class BundledCurriculumRenderingTest {
  private static final int TELEGRAM_TEXT_LIMIT = 4096;
  private static final int DISCORD_MESSAGE_LIMIT = 2000;

  private final Curriculum curriculum = Curricula.bundled();
  private final Messages messages = new Messages();

  @Test
  void everyLessonFitsOneTelegramMessageAndEveryBlockOneDiscordMessage() {
    LessonView lessons = new LessonView(messages);
    int total = curriculum.topics().size();
    for (Topic topic : curriculum.topics()) {
      for (Language language : Language.values()) {
        RichText body = lessons.render(topic, total, total, language).body();
        assertThat(body.plainText().length())
            .as(topic.id() + " " + language)
            .isLessThanOrEqualTo(TELEGRAM_TEXT_LIMIT - 200);
        for (RichText.Block block : body.blocks()) {
          String text = new RichText(List.of(block)).plainText();
          assertThat(text.length())
              .as(topic.id() + " block")
              .isLessThanOrEqualTo(DISCORD_MESSAGE_LIMIT);
        }
      }
    }
  }

  @Test
  void answerButtonsAreShortOrLettered() {
    QuestionView questions = new QuestionView(messages);
    for (Topic topic : curriculum.topics()) {
      for (Question question : topic.questions()) {
        for (Language language : Language.values()) {
          OutgoingMessage message =
              questions.render(
                  question,
                  Long.MAX_VALUE,
                  QuestionPlace.of(curriculum, topic.id(), question.id()),
                  1,
                  3,
                  java.util.Optional.empty(),
                  language);
          List<Button> buttons = message.buttons().stream().flatMap(List::stream).toList();
          assertThat(buttons).hasSize(question.choices().size());
          assertThat(buttons)
              .allSatisfy(
                  button -> {
                    assertThat(button.payload()).matches("a:\\d+:\\d+:\\d+:\\d");
                    assertThat(button.payload().length())
                        .isLessThanOrEqualTo(Button.MAX_PAYLOAD_BYTES);
                  });
          assertThat(buttons)
              .allSatisfy(
                  button ->
                      assertThat(button.label().length())
                          .isLessThanOrEqualTo(QuestionView.MAX_BUTTON_LABEL));
          assertThat(message.plainText().length()).isLessThanOrEqualTo(TELEGRAM_TEXT_LIMIT);
        }
      }
    }
  }
}
