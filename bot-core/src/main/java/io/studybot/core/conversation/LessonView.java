package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Lesson;
import io.studybot.content.Link;
import io.studybot.content.LocalizedText;
import io.studybot.content.Topic;
import io.studybot.core.chat.BotCommand;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import java.util.List;

/** A topic's lesson as a message: title, why it matters, key points, code, further reading. */
final class LessonView {
  private final Messages messages;

  LessonView(Messages messages) {
    this.messages = messages;
  }

  OutgoingMessage render(Topic topic, int day, int total, Language language) {
    Lesson lesson = topic.lesson();
    RichText.Builder text = RichText.builder();
    text.paragraph(
        new RichText.Bold(
            messages.get(language, "lesson.heading", day, total, topic.title().in(language))));
    for (String paragraph : lesson.intro().in(language).strip().split("\\n\\s*\\n", -1)) {
      text.paragraph(RichText.marked(paragraph.strip()));
    }
    text.paragraph(new RichText.Bold(messages.get(language, "lesson.points")));
    text.list(lesson.points().stream().map(point -> RichText.marked(point.in(language))).toList());
    lesson.code().map(code -> code.in(language)).ifPresent(text::code);
    text.paragraph(new RichText.Bold(messages.get(language, "lesson.links")));
    text.list(
        lesson.links().stream().map(link -> List.<RichText.Span>of(link(link, language))).toList());
    return OutgoingMessage.of(text.build())
        .withButtons(
            List.of(
                List.of(
                    new Button(
                        messages.get(language, "button.quiz"),
                        new Payload.RunCommand(BotCommand.QUIZ).token()),
                    new Button(
                        messages.get(language, "button.next"),
                        new Payload.RunCommand(BotCommand.NEXT).token()))));
  }

  private static RichText.Link link(Link link, Language language) {
    LocalizedText title = link.title();
    return new RichText.Link(title.in(language), link.url());
  }
}
