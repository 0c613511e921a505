package io.studybot.app;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.PlainTextRenderer;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console adapter: one local learner chatting on stdin/stdout. Buttons are shown numbered;
 * typing a number presses that button of the latest message that had buttons.
 */
final class ConsoleChat implements ChatGateway {
  static final ChatRef CHAT = new ChatRef(Platform.CONSOLE, "local", ChatKind.PRIVATE);

  private final PrintStream out;
  private final PlatformUser user;
  private final Path pictures;

  /** The buttons a number presses: every one shown since the input that preceded them. */
  private final List<Button> pressable = new ArrayList<>();

  private boolean newInputSinceButtons = true;

  /** Pictures (such as the progress chart) are written to files in {@code pictures}. */
  ConsoleChat(PrintStream out, String userName, Optional<String> languageHint, Path pictures) {
    this.out = out;
    this.pictures = pictures;
    this.user = new PlatformUser(Platform.CONSOLE, "local", userName, languageHint);
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public synchronized String send(ChatRef chat, OutgoingMessage message) {
    out.println(PlainTextRenderer.render(message.body()));
    List<Button> buttons = message.buttons().stream().flatMap(List::stream).toList();
    if (!buttons.isEmpty()) {
      if (newInputSinceButtons) {
        // A new answer from the bot: numbering starts again, and covers all of its messages, so
        // each question of a quiz keeps buttons of its own.
        pressable.clear();
        newInputSinceButtons = false;
      }
      StringBuilder line = new StringBuilder();
      for (Button button : buttons) {
        pressable.add(button);
        line.append(line.length() == 0 ? "" : "   ")
            .append('[')
            .append(pressable.size())
            .append("] ")
            .append(button.label());
      }
      out.println(line);
    }
    message.picture().ifPresent(this::show);
    out.println();
    out.flush();
    return "";
  }

  /** A terminal shows no pictures: the file is written, and its path printed. */
  private void show(Picture picture) {
    Path file = pictures.resolve(picture.fileName());
    try {
      Files.createDirectories(pictures);
      Files.write(file, picture.png());
      out.println("🖼 " + picture.description() + " " + file.toAbsolutePath());
    } catch (IOException e) {
      out.println(
          "🖼 " + picture.description() + " (could not be written: " + e.getMessage() + ")");
    }
  }

  /** Reads lines until the end of input, handing each to the bot and printing its replies. */
  void run(BufferedReader in, ChatHandler bot, boolean interactive) throws IOException {
    out.println(
        "StudyBot console. Type /start to begin, /help for commands, a number to press a button."
            + (interactive ? " Ctrl-D quits." : ""));
    out.println();
    prompt(interactive);
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isBlank()) {
        handle(bot, line.strip());
      }
      prompt(interactive);
    }
  }

  /**
   * A number presses the button it names; a number that names none is not sent on as text (it would
   * be read as an answer to whatever the bot asked, such as a time zone), but explained.
   */
  private void handle(ChatHandler bot, String line) {
    if (!line.matches("\\d{1,2}")) {
      markInput();
      bot.handle(IncomingEvent.parse(user, CHAT, line)).forEach(this::show);
      return;
    }
    Optional<Button> button = buttonNumbered(Integer.parseInt(line));
    if (button.isEmpty()) {
      out.println(noSuchButton(line));
      out.println();
      return;
    }
    markInput();
    bot.handle(new IncomingEvent.ButtonPress(user, CHAT, button.get().payload(), Optional.empty()))
        .forEach(this::show);
  }

  private void show(Reply reply) {
    send(reply.chat(), reply.message());
  }

  private synchronized void markInput() {
    newInputSinceButtons = true;
  }

  private synchronized String noSuchButton(String number) {
    return pressable.isEmpty()
        ? "(There is no button " + number + " to press right now; type the answer itself.)"
        : "(There is no button "
            + number
            + "; the buttons shown are 1 to "
            + pressable.size()
            + ".)";
  }

  private synchronized Optional<Button> buttonNumbered(int number) {
    return number >= 1 && number <= pressable.size()
        ? Optional.of(pressable.get(number - 1))
        : Optional.empty();
  }

  private void prompt(boolean interactive) {
    if (interactive) {
      out.print("> ");
      out.flush();
    }
  }
}
