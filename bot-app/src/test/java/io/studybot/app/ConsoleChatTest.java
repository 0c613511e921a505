package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console numbers every button of an answer, so each question of a quiz can be answered. */
class ConsoleChatTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<IncomingEvent> received = new ArrayList<>();

  /** A quiz of three questions for /quiz; a verdict without buttons for a press. */
  private final ChatHandler bot =
      event -> {
        received.add(event);
        if (event instanceof IncomingEvent.ButtonPress press) {
          return List.of(reply(event, "pressed " + press.payload()));
        }
        if (event instanceof IncomingEvent.Command command && command.name().equals("quiz")) {
          return List.of(question(event, 1), question(event, 2), question(event, 3));
        }
        return List.of(reply(event, "text " + event));
      };

  @Test
  void everyQuestionsButtonsCanBePressedOneAfterAnother() throws IOException {
    run("/quiz", "5", "1", "12");

    assertThat(output()).contains("[1] q1-a", "[4] q1-d", "[5] q2-a", "[12] q3-d");
    assertThat(presses()).containsExactly("a:2:0", "a:1:0", "a:3:3");
  }

  @Test
  void aNumberThatPressesNothingIsExplainedAndNotSentAsAnAnswer() throws IOException {
    run("4", "/quiz", "13");

    assertThat(received).hasSize(1); // only /quiz reached the bot
    assertThat(output())
        .contains("There is no button 4 to press right now")
        .contains("There is no button 13; the buttons shown are 1 to 12");
  }

  private void run(String... lines) throws IOException {
    ConsoleChat console =
        new ConsoleChat(
            new PrintStream(printed, true, StandardCharsets.UTF_8), "ada", Optional.empty(), dir);
    console.run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), bot, false);
  }

  private List<String> presses() {
    return received.stream()
        .filter(IncomingEvent.ButtonPress.class::isInstance)
        .map(event -> ((IncomingEvent.ButtonPress) event).payload())
        .toList();
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static Reply question(IncomingEvent event, int number) {
    List<Button> row = new ArrayList<>();
    for (int choice = 0; choice < 4; choice++) {
      row.add(new Button("q" + number + "-" + "abcd".charAt(choice), "a:" + number + ":" + choice));
    }
    return new Reply(
        event.chat(), OutgoingMessage.text("Question " + number).withButtons(List.of(row)));
  }

  private static Reply reply(IncomingEvent event, String text) {
    return new Reply(event.chat(), OutgoingMessage.text(text));
  }
}
