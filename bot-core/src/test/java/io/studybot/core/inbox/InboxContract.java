package io.studybot.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.ShowLaterException;
import io.studybot.core.chat.StoreUnavailableException;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.persistence.JdbcInboxStore;
import io.studybot.core.testing.MutableClock;
import io.studybot.core.testing.TestCurriculum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox on each database we support: what is stored once is handled once, in order per chat,
 * with a real bot behind it, across a crash after a turn committed and a database outage.
 */
abstract class InboxContract {
  private static final Set<Platform> TELEGRAM = Set.of(Platform.TELEGRAM);
  private static final Duration LEASE = InboxDrain.LEASE;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private DatabaseSettings settings;
  private Database database;
  private JdbcInboxStore store;
  private StudyBot bot;
  private final List<String> shown = new ArrayList<>();
  private final List<String> answerButtons = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();

  protected abstract DatabaseSettings createDatabase();

  protected void dropDatabase(DatabaseSettings settings) {}

  @BeforeEach
  void open() {
    settings = createDatabase();
    database = Database.open(settings);
    store = new JdbcInboxStore(database);
    bot =
        new StudyBot(
            new HibernateStudyStore(database), TestCurriculum.create(), StudyRules.DEFAULT, clock);
  }

  @AfterEach
  void close() {
    database.close();
    dropDatabase(settings);
  }

  private static InboxUpdate update(String id, String chat, String line) {
    return new InboxUpdate(Platform.TELEGRAM, id, chat, line);
  }

  /**
   * The adapter's part: reads the payload as a typed line in the lane's chat ({@code press <token>}
   * as a button press), shows replies and remembers the answer buttons they carry.
   */
  private void typed(InboxUpdate update) {
    PlatformUser user =
        new PlatformUser(Platform.TELEGRAM, update.lane(), "U" + update.lane(), Optional.of("en"));
    ChatRef chat = new ChatRef(Platform.TELEGRAM, update.lane(), ChatKind.PRIVATE);
    String payload = update.payload();
    IncomingEvent event =
        payload.startsWith("press ")
            ? new IncomingEvent.ButtonPress(user, chat, payload.substring(6), Optional.empty())
            : IncomingEvent.parse(user, chat, payload);
    for (Reply reply : bot.handle(event)) {
      shown.add(update.lane() + ": " + reply.message().plainText());
      reply.message().buttons().stream()
          .flatMap(List::stream)
          .filter(button -> button.payload().startsWith("a:"))
          .forEach(button -> answerButtons.add(button.payload()));
    }
  }

  /** A drain whose workers run when the test says, as queued tasks. */
  private InboxDrain drain(InboxHandler handler) {
    InboxDrain drain = new InboxDrain(store, clock, queued::add, 4, () -> {});
    drain.serve(Platform.TELEGRAM, handler);
    return drain;
  }

  /**
   * Stores the update; the process dies after its turn committed and before its replies were shown,
   * and a restart takes it up once the lease ran out. Returns the replies that were lost.
   */
  private List<String> dieAfterTheTurnThenRestart(InboxUpdate last) {
    store.add(List.of(last), now());
    InboxDrain dying =
        drain(
            update -> {
              typed(update);
              throw new Killed();
            });
    dying.drainOnce();
    assertThatThrownBy(this::runQueued).isInstanceOf(Killed.class);
    List<String> lost = List.copyOf(shown);
    shown.clear();
    queued.clear();

    clock.advance(LEASE.plusSeconds(1));
    InboxDrain restarted = drain(this::typed);
    restarted.drainOnce();
    runQueued();
    return lost;
  }

  private void runQueued() {
    List<Runnable> now = new ArrayList<>(queued);
    queued.clear();
    now.forEach(Runnable::run);
  }

  @Test
  void anUpdateStoredTwiceIsStoredOnceEvenAfterItWasHandled() {
    assertThat(store.add(List.of(update("1", "7", "/help"), update("1", "7", "/help")), now()))
        .isEqualTo(1);
    List<StoredUpdate> claimed = store.claim(TELEGRAM, now(), LEASE, 10);
    store.done(claimed.get(0).id(), now());

    assertThat(store.add(List.of(update("1", "7", "/help")), now())).isZero();
    assertThat(store.claim(TELEGRAM, now(), LEASE, 10)).isEmpty();
    assertThat(store.depth()).isZero();
  }

  @Test
  void claimsTakeTheOldestUpdateOfEachLaneAndNoneOfALaneInHand() {
    store.add(List.of(update("1", "7", "a"), update("2", "8", "b"), update("3", "7", "c")), now());

    List<StoredUpdate> first = store.claim(TELEGRAM, now(), LEASE, 10);
    assertThat(first).extracting(s -> s.update().payload()).containsExactly("a", "b");
    assertThat(store.claim(TELEGRAM, now(), LEASE, 10)).isEmpty();
    assertThat(store.claim(Set.of(Platform.DISCORD), now(), LEASE, 10)).isEmpty();

    store.done(first.get(0).id(), now());
    assertThat(store.claim(TELEGRAM, now(), LEASE, 10))
        .extracting(s -> s.update().payload())
        .containsExactly("c");
    assertThat(store.depth()).isEqualTo(2);
  }

  @Test
  void anUpdateWhoseLeaseRanOutIsClaimedAgainUnlessRenewed() {
    store.add(List.of(update("1", "7", "a"), update("2", "8", "b")), now());
    List<StoredUpdate> first = store.claim(TELEGRAM, now(), LEASE, 10);
    clock.advance(Duration.ofSeconds(20));
    store.renew(List.of(first.get(0).id()), now().plus(LEASE));
    clock.advance(Duration.ofSeconds(11));

    List<StoredUpdate> again = store.claim(TELEGRAM, now(), LEASE, 10);
    assertThat(again).extracting(s -> s.update().payload()).containsExactly("b");
    assertThat(again.get(0).attempts()).isEqualTo(1);
  }

  @Test
  void handledUpdatesAreForgottenAfterADay() {
    store.add(List.of(update("1", "7", "a")), now());
    store.done(store.claim(TELEGRAM, now(), LEASE, 1).get(0).id(), now());
    clock.advance(InboxDrain.KEEP_DONE.plusMinutes(1));

    assertThat(store.purgeDoneBefore(now().minus(InboxDrain.KEEP_DONE))).isEqualTo(1);
    assertThat(rows("select count(*) from inbox")).isZero();
  }

  @Test
  void theDrainHandlesEveryChatInOrderAndMarksEachDone() {
    List<String> handled = new ArrayList<>();
    InboxDrain drain =
        drain(
            update -> {
              handled.add(update.lane() + " " + update.payload());
              typed(update);
            });
    drain.accept(
        List.of(
            update("1", "7", "/start"),
            update("2", "8", "/help"),
            update("3", "7", "/help"),
            update("4", "7", "/progress")));
    for (int round = 0; round < 5; round++) {
      drain.drainOnce();
      runQueued();
    }

    assertThat(handled.stream().filter(line -> line.startsWith("7 ")))
        .containsExactly("7 /start", "7 /help", "7 /progress");
    assertThat(handled).contains("8 /help");
    assertThat(shown).anyMatch(line -> line.startsWith("8: "));
    assertThat(rows("select count(*) from inbox where status = 'DONE'")).isEqualTo(4);
    assertThat(drain.inHand()).isZero();
  }

  @Test
  void aTurnThatCommittedBeforeACrashShowsItsRepliesAgainAndIsNotRepeated() {
    store.add(List.of(update("1", "7", "/start"), update("2", "7", "/next")), now());
    InboxDrain first = drain(this::typed);
    for (int round = 0; round < 2; round++) {
      first.drainOnce();
      runQueued();
    }
    shown.clear();
    List<String> lost = dieAfterTheTurnThenRestart(update("3", "7", "/next"));

    assertThat(shown).isEqualTo(lost);
    assertThat(rows("select count(*) from inbox where status = 'DONE'")).isEqualTo(3);
    // One /next after the start moved the course once per update: twice, not three times.
    assertThat(rows("select max(position) from enrollment")).isEqualTo(2);
  }

  @Test
  void anAnswerThatCommittedBeforeACrashShowsItsVerdictAgainAndIsRecordedOnce() {
    store.add(List.of(update("1", "7", "/quiz")), now());
    InboxDrain first = drain(this::typed);
    first.drainOnce();
    runQueued();
    shown.clear();
    List<String> lost =
        dieAfterTheTurnThenRestart(update("2", "7", "press " + answerButtons.get(0)));

    assertThat(lost).singleElement().asString().contains("Question q1 on alpha?");
    assertThat(shown).isEqualTo(lost);
    assertThat(rows("select count(*) from quiz_attempt")).isEqualTo(1);
    assertThat(rows("select count(*) from inbox where status = 'DONE'")).isEqualTo(2);
  }

  @Test
  void repliesThePlatformDidNotTakeAreShownAgainLaterWithoutRepeatingTheTurn() {
    store.add(List.of(update("1", "7", "/start")), now());
    InboxDrain first = drain(this::typed);
    first.drainOnce();
    runQueued();
    shown.clear();
    store.add(List.of(update("2", "7", "/next")), now());
    AtomicInteger failures = new AtomicInteger(1);
    InboxDrain drain =
        drain(
            update -> {
              typed(update);
              if (failures.getAndDecrement() > 0) {
                throw new ShowLaterException("no answer", new RuntimeException());
              }
            });
    drain.drainOnce();
    runQueued();
    List<String> firstTry = List.copyOf(shown);
    shown.clear();
    clock.advance(InboxDrain.SHOW_RETRY);
    drain.drainOnce();
    runQueued();

    assertThat(shown).isEqualTo(firstTry);
    assertThat(rows("select count(*) from inbox where status = 'DONE'")).isEqualTo(2);
    assertThat(rows("select max(position) from enrollment")).isEqualTo(1);
  }

  @Test
  void anUpdateTheDatabaseCouldNotTakeIsHeldAndTriedAgain() {
    AtomicInteger failures = new AtomicInteger(2);
    InboxDrain drain =
        drain(
            update -> {
              if (failures.getAndDecrement() > 0) {
                throw new StoreUnavailableException("down", new RuntimeException());
              }
              typed(update);
            });
    drain.accept(List.of(update("1", "7", "/help")));
    drain.drainOnce();
    runQueued();
    drain.drainOnce();
    assertThat(queued).as("held for its wait").isEmpty();
    clock.advance(InboxDrain.FIRST_RETRY);
    drain.drainOnce();
    runQueued();
    clock.advance(InboxDrain.FIRST_RETRY.multipliedBy(2));
    drain.drainOnce();
    runQueued();

    assertThat(shown).isNotEmpty();
    assertThat(rows("select count(*) from inbox where status = 'DONE'")).isEqualTo(1);
    assertThat(drain.inHand()).isZero();
  }

  private Instant now() {
    return clock.instant();
  }

  private long rows(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  /** Stands for kill -9: nothing after it runs. */
  private static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }
}
