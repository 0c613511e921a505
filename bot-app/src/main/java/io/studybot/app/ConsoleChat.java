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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private List<Button> lastButtons = List.of();

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
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < buttons.size(); i++) {
        line.append(i == 0 ? "" : "   ")
            .append('[')
            .append(i + 1)
            .append("] ")
            .append(buttons.get(i).label());
      }
      out.println(line);
      lastButtons = buttons;
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
        bot.handle(toEvent(line.strip())).forEach(reply -> send(reply.chat(), reply.message()));
      }
      prompt(interactive);
    }
  }

  IncomingEvent toEvent(String line) {
    Optional<Button> button = buttonNumbered(line);
    if (button.isPresent()) {
      return new IncomingEvent.ButtonPress(user, CHAT, button.get().payload(), Optional.empty());
    }
    return IncomingEvent.parse(user, CHAT, line);
  }

  private synchronized Optional<Button> buttonNumbered(String line) {
    if (!line.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int number = Integer.parseInt(line);
    return number >= 1 && number <= lastButtons.size()
        ? Optional.of(lastButtons.get(number - 1))
        : Optional.empty();
  }

  private void prompt(boolean interactive) {
    if (interactive) {
      out.print("> ");
      out.flush();
    }
  }
}
