package io.studybot.core.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.studybot.content.Curriculum;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.conversation.Admins;
import io.studybot.core.conversation.LiveCurriculum;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.state.DirectAnswers;
import io.studybot.core.state.StudyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A bot on a real database with a fake Telegram gateway, driven like a chat client would. */
public final class BotHarness implements AutoCloseable {
  public final Database database;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  public final FakeChatGateway gateway = new FakeChatGateway(Platform.TELEGRAM, clock);
  public final StudyBot bot;

  public BotHarness(DatabaseSettings settings, Curriculum curriculum) {
    this(settings, curriculum, StudyRules.DEFAULT);
  }

  public BotHarness(DatabaseSettings settings, Curriculum curriculum, StudyRules rules) {
    this.database = Database.open(settings);
    this.bot = new StudyBot(new HibernateStudyStore(database), curriculum, rules, clock);
  }

  /**
   * A bot whose meters go to {@code registry}; with {@code directAnswers} false its store offers no
   * {@link DirectAnswers}, so every answer takes the ordinary turn.
   */
  public BotHarness(
      DatabaseSettings settings,
      Curriculum curriculum,
      boolean directAnswers,
      MeterRegistry registry) {
    this.database = Database.open(settings);
    HibernateStudyStore store = new HibernateStudyStore(database);
    StudyStore used = directAnswers ? store : store::inTransaction;
    this.bot = new StudyBot(used, curriculum, StudyRules.DEFAULT, clock, registry);
  }

  /** A bot with operators, whose curriculum {@code /admin reload} reads from its source. */
  public BotHarness(DatabaseSettings settings, LiveCurriculum curriculum, Admins admins) {
    this.database = Database.open(settings);
    this.bot =
        new StudyBot(
            new HibernateStudyStore(database), curriculum, StudyRules.DEFAULT, clock, admins);
  }

  public static BotHarness onH2() {
    return new BotHarness(TestDatabases.h2(), TestCurriculum.create());
  }

  public static PlatformUser user(String id, String name, String languageHint) {
    return new PlatformUser(Platform.TELEGRAM, id, name, Optional.ofNullable(languageHint));
  }

  public static ChatRef privateChat(PlatformUser user) {
    return new ChatRef(user.platform(), user.externalId(), ChatKind.PRIVATE);
  }

  public static ChatRef group(String id) {
    return new ChatRef(Platform.TELEGRAM, id, ChatKind.GROUP);
  }

  /** Types a line in the user's private chat. */
  public void type(PlatformUser user, String line) {
    type(user, privateChat(user), line);
  }

  public void type(PlatformUser user, ChatRef chat, String line) {
    receive(IncomingEvent.parse(user, chat, line));
  }

  public void press(PlatformUser user, ChatRef chat, String payload) {
    receive(new IncomingEvent.ButtonPress(user, chat, payload, Optional.empty()));
  }

  /** Hands the event to the bot and shows its replies in the fake chat, as an adapter would. */
  public void receive(IncomingEvent event) {
    bot.handle(event).forEach(reply -> gateway.send(reply.chat(), reply.message()));
  }

  /** Presses the button with this label on the latest message in the chat that shows one. */
  public void pressLabel(PlatformUser user, ChatRef chat, String label) {
    press(user, chat, button(chat, label).payload());
  }

  public Button button(ChatRef chat, String label) {
    List<FakeChatGateway.Sent> sent = gateway.sentTo(chat);
    for (int i = sent.size() - 1; i >= 0; i--) {
      for (Button button : sent.get(i).buttons()) {
        if (button.label().equals(label)) {
          return button;
        }
      }
    }
    throw new AssertionError("no button '" + label + "' in " + chat);
  }

  /**
   * The answer buttons of the quiz questions sent to the chat, oldest first, each question's in the
   * curriculum's order of choices (a delivery shows them shuffled), so {@code
   * get(TestCurriculum.RIGHT)} is the right one.
   */
  public List<List<Button>> questionButtons(ChatRef chat) {
    return gateway.sentTo(chat).stream()
        .map(FakeChatGateway.Sent::buttons)
        .filter(buttons -> !buttons.isEmpty() && buttons.get(0).payload().startsWith("a:"))
        .map(BotHarness::inCurriculumOrder)
        .toList();
  }

  /**
   * Answer buttons (whose token ends in the choice's curriculum index) in the curriculum's order,
   * whatever order the delivery showed them in.
   */
  public static List<Button> inCurriculumOrder(List<Button> buttons) {
    return buttons.stream()
        .sorted(java.util.Comparator.comparingInt(BotHarness::choiceOf))
        .toList();
  }

  /** The curriculum's index of the choice an answer button names ({@code a:<id>:<choice>}). */
  private static int choiceOf(Button button) {
    String payload = button.payload();
    return Integer.parseInt(payload.substring(payload.lastIndexOf(':') + 1));
  }

  public String lastText(ChatRef chat) {
    return gateway.lastTo(chat).text();
  }

  @Override
  public void close() {
    database.close();
  }
}
