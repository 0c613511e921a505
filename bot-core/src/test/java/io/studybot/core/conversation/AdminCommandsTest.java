package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.ContentProblem;
import io.studybot.content.Curricula;
import io.studybot.content.Curriculum;
import io.studybot.content.CurriculumSource;
import io.studybot.content.Language;
import io.studybot.content.LoadedCurriculum;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.i18n.Messages;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /admin}: only for listed operators, in private chats; usage, and reloading the course. */
class AdminCommandsTest {
  private final PlatformUser root = user("1", "Root", "en");
  private final PlatformUser bob = user("2", "Bob", "en");
  private final ChatRef rootChat = privateChat(root);
  private final ChatRef bobChat = privateChat(bob);
  private final Curriculum initial = TestCurriculum.create(3);
  private final AtomicReference<LoadedCurriculum> source =
      new AtomicReference<>(new LoadedCurriculum(Optional.of(initial), List.of()));
  private final AtomicInteger loads = new AtomicInteger();
  private final LiveCurriculum live =
      new LiveCurriculum(
          initial,
          () -> {
            loads.incrementAndGet();
            return source.get();
          });
  private BotHarness harness = new BotHarness(TestDatabases.h2(), live, admins());

  private Admins admins() {
    return Admins.parse("discord:999, telegram:" + root.externalId());
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void toAnyoneNotListedAdminIsAnUnknownCommandAndDoesNothing() {
    String unknown = new Messages().get(Language.EN, "command.unknown", "/admin");
    for (String line :
        List.of("/admin", "/admin stats", "/admin broadcast Hello", "/admin reload", "/ADMIN x")) {
      harness.type(bob, line);
      assertThat(harness.lastText(bobChat)).as(line).isEqualTo(unknown);
    }
    harness.type(bob, group("-5"), "/admin stats");
    assertThat(harness.lastText(group("-5"))).isEqualTo(unknown);
    assertThat(loads).hasValue(0);

    // The same words a bot with no operators at all answers.
    harness.close();
    harness = BotHarness.onH2();
    harness.type(root, "/admin stats");
    assertThat(harness.lastText(rootChat)).isEqualTo(unknown);
  }

  @Test
  void anOperatorWithoutAKnownSubCommandGetsTheUsage() {
    harness.type(root, "/admin");
    assertThat(harness.lastText(rootChat))
        .startsWith("Operator commands:")
        .contains("/admin stats", "/admin broadcast TEXT", "/admin reload");
    harness.type(root, "/admin restart now");
    assertThat(harness.lastText(rootChat)).startsWith("Operator commands:");
  }

  @Test
  void theUsageComesInTheOperatorsLanguage() {
    PlatformUser lin = user("8", "Lin", "zh");
    harness.close();
    harness = new BotHarness(TestDatabases.h2(), live, Admins.parse("telegram:8"));
    harness.type(lin, "/admin");
    assertThat(harness.lastText(privateChat(lin))).startsWith("运营命令：");
  }

  @Test
  void inAGroupAnOperatorIsPointedToAPrivateChat() {
    ChatRef study = group("-7");
    harness.type(root, study, "/admin stats");
    OutgoingMessage reply = harness.gateway.lastTo(study).message();
    assertThat(reply.plainText()).isEqualTo("/admin works only in a private chat with the bot.");
    assertThat(reply.visibility()).isEqualTo(OutgoingMessage.Visibility.PERSONAL);
  }

  @Test
  void anEmptyOrTooLongBroadcastIsRefusedAndNothingIsQueued() {
    harness.type(root, "/admin broadcast   ");
    assertThat(harness.lastText(rootChat)).startsWith("Write the message after the command");
    harness.type(root, "/admin broadcast " + "x".repeat(AdminFlow.MAX_BROADCAST_CHARS + 1));
    assertThat(harness.lastText(rootChat))
        .isEqualTo(
            "A broadcast may be 3000 characters long at most; this one has 3001. Nothing was"
                + " queued.");
    harness.type(root, "/admin stats");
    assertThat(harness.lastText(rootChat)).contains("Queue: 0 waiting");
  }

  @Test
  void aValidCurriculumReplacesTheCourseForNewTurns() {
    harness.type(root, "/today");
    assertThat(harness.lastText(rootChat)).contains("Day 1 of 3");
    source.set(new LoadedCurriculum(Optional.of(TestCurriculum.create(7)), List.of()));

    harness.type(root, "/admin reload");

    assertThat(harness.lastText(rootChat))
        .isEqualTo(
            "🔄 Curriculum reloaded: 7 topics (test-course). New lessons and quizzes use it from"
                + " now on.");
    assertThat(live.current().topics()).hasSize(7);
    harness.type(bob, "/today");
    assertThat(harness.lastText(bobChat)).contains("Day 1 of 7");
  }

  @Test
  void aBrokenCurriculumIsRefusedWithItsFirstProblemsAndTheCourseStays() {
    List<ContentProblem> problems =
        List.of(
            new ContentProblem("topics/a.yaml", 3, "missing title"),
            new ContentProblem("topics/b.yaml", 1, "a"),
            new ContentProblem("topics/b.yaml", 2, "b"),
            new ContentProblem("topics/b.yaml", 3, "c"),
            new ContentProblem("topics/b.yaml", 4, "d"),
            new ContentProblem("topics/b.yaml", 5, "the sixth is not shown"));
    source.set(new LoadedCurriculum(Optional.of(TestCurriculum.create(9)), problems));

    harness.type(root, "/admin reload");

    assertThat(harness.lastText(rootChat))
        .startsWith("⛔ The curriculum was not reloaded: 6 problems found")
        .contains("topics/a.yaml:3: missing title", "topics/b.yaml:4: d")
        .doesNotContain("sixth");
    assertThat(live.current()).isSameAs(initial);
    harness.type(bob, "/today");
    assertThat(harness.lastText(bobChat)).contains("Day 1 of 3");
  }

  @Test
  void aFolderThatIsNoCurriculumIsRefused(@TempDir Path empty) {
    LiveCurriculum fromFolder =
        new LiveCurriculum(initial, () -> Curricula.load(CurriculumSource.directory(empty)));
    harness.close();
    harness = new BotHarness(TestDatabases.h2(), fromFolder, admins());

    harness.type(root, "/admin reload");

    assertThat(harness.lastText(rootChat)).startsWith("⛔ The curriculum was not reloaded");
    assertThat(fromFolder.current()).isSameAs(initial);
  }

  @Test
  void theBundledCourseReloadsFromItsSource() {
    LiveCurriculum bundled = new LiveCurriculum(initial, Curricula::loadBundled);
    harness.close();
    harness = new BotHarness(TestDatabases.h2(), bundled, admins());

    harness.type(root, "/admin reload");

    int topics = bundled.current().topics().size();
    assertThat(topics).isGreaterThan(100);
    assertThat(harness.lastText(rootChat))
        .startsWith("🔄 Curriculum reloaded: " + topics + " topics (python-backend)");
  }

  @Test
  void aSourceThatThrowsIsRefusedLikeABrokenOne() {
    LiveCurriculum failing =
        new LiveCurriculum(
            initial,
            () -> {
              throw new IllegalStateException("disk gone");
            });
    harness.close();
    harness = new BotHarness(TestDatabases.h2(), failing, admins());

    harness.type(root, "/admin reload");

    assertThat(harness.lastText(rootChat))
        .startsWith("⛔ The curriculum was not reloaded: 1 problem found")
        .contains("disk gone");
  }

  @Test
  void adminsAreParsedStrictlyAndNeverEchoTheValue() {
    assertThat(Admins.parse("telegram:1,discord:2,console:local").size()).isEqualTo(3);
    for (String bad : List.of("telegram", "telegram:", "slack:1", "telegram:1,,discord:2", " :5")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Admins.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.strip()));
    }
  }

  @Test
  void adminCommandsFromAButtonOrPlainTextAreNotRun() {
    harness.receive(new IncomingEvent.Text(root, rootChat, "admin stats"));
    assertThat(harness.lastText(rootChat)).doesNotContain("StudyBot now");
  }
}
