package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.telegram.TelegramEmulator.BotMessage;
import io.studybot.telegram.TelegramEmulator.Chat;
import io.studybot.telegram.TelegramEmulator.User;
import java.util.List;

/**
 * The conversations the end-to-end tests play through the emulator, against the adapter in a test
 * JVM or against the built jar: they need the bundled course and a fresh database.
 */
public final class TelegramScenarios {
  private TelegramScenarios() {}

  /** {@code /start} onboarding, {@code /today}, {@code /quiz} and an answer by button. */
  public static void privateChat(TelegramEmulator emulator, User learner) throws Exception {
    Chat chat = Chat.privateWith(learner);

    emulator.command(learner, chat, "/start");
    BotMessage welcome = emulator.awaitText(chat, "which language");
    assertThat(welcome.text()).contains("Hi " + TelegramHtmlRenderer.escape(learner.firstName()));
    emulator.press(learner, chat, welcome, welcome.button("English"));
    emulator.awaitText(chat, "Which time zone");
    emulator.text(learner, chat, "Europe/Berlin");
    emulator.awaitText(chat, "When should the daily lesson arrive");
    emulator.text(learner, chat, "08:00");
    emulator.awaitText(chat, "lesson arrives at 08:00");

    emulator.command(learner, chat, "/today");
    BotMessage lesson = emulator.awaitText(chat, "Day 1 of");
    assertThat(lesson.text()).contains("<b>");

    emulator.command(learner, chat, "/quiz");
    BotMessage question = emulator.awaitText(chat, "Question 1 of 3");
    List<String> answers = question.buttonData();
    assertThat(answers).hasSizeGreaterThan(1);
    emulator.press(learner, chat, question, answers.get(0));

    // The question's own message is edited to show the verdict and the explanation.
    BotMessage verdict =
        emulator.awaitMessage(
            chat,
            message ->
                message.messageId() == question.messageId()
                    && (message.text().contains("Right") || message.text().contains("Not quite")));
    assertThat(verdict.text()).doesNotContain("Question 1 of 3");

    emulator.command(learner, chat, "/progress");
    emulator.awaitText(chat, "Answers: 1");
  }

  /** Two members answer the group's quiz; {@code /progress} shows both on the leaderboard. */
  public static void groupLeaderboard(
      TelegramEmulator emulator, Chat group, User first, User second) throws Exception {
    emulator.command(first, group, "/quiz@TestNameBot");
    emulator.awaitText(group, "Question 3 of 3");
    List<BotMessage> questions =
        emulator.botMessages(group).stream()
            .filter(message -> message.text().contains("Question "))
            .toList();
    assertThat(questions).hasSize(3);
    for (BotMessage question : questions) {
      emulator.press(first, group, question, question.buttonData().get(0));
      emulator.press(second, group, question, question.buttonData().get(1));
    }

    emulator.command(second, group, "/progress");
    BotMessage board = emulator.awaitText(group, "Leaderboard: 2 members");
    assertThat(board.text())
        .contains(
            TelegramHtmlRenderer.escape(first.firstName()),
            TelegramHtmlRenderer.escape(second.firstName()));
  }
}
