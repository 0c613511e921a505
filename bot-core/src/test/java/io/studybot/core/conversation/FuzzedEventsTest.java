package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestCurriculum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random events from several people in private and group chats: random text and commands,
 * real, replayed, forged and truncated buttons, double taps. Nothing may break: no event ends in
 * the internal-error reply, and every learner's answers stay one per delivered question. Afterwards
 * the database itself is checked: no question answered twice by one learner, the answer count
 * /progress shows matches the stored attempts, no enrollment past the course's end, and no attempt
 * on a quiz sent to a chat the learner could not answer in.
 */
class FuzzedEventsTest {
  private static final String[] WORDS = {
    "/start",
    "/help",
    "/today",
    "/quiz",
    "/next",
    "/skip",
    "/progress",
    "/topics",
    "/topics 2",
    "/topics 99",
    "/settings",
    "/settings zone Asia/Tokyo",
    "/settings zone Mars",
    "/settings lesson 7:15",
    "/settings lesson 99:99",
    "/settings quiz",
    "/settings language zh",
    "/settings language xx",
    "/pause",
    "/resume",
    "/review",
    "/forget",
    "/subscribe",
    "/unsubscribe",
    "/bogus",
    "hello",
    "2",
    "Europe/Paris",
    "08:00",
    "",
    "   ",
    "/",
    "/@bot",
    "🙂",
    "'; drop table learner; --"
  };
  private static final String[] FORGED = {
    "a:",
    "a:1",
    "a:-1:0",
    "a:99999999999:1",
    "a:1:99",
    "lang:",
    "zone:../../etc",
    "lt:25:00",
    "qt:",
    "set:",
    "forget:maybe",
    "cmd:forget",
    "cmd:nothing",
    "::",
    "x".repeat(60)
  };

  private final BotHarness harness = BotHarness.onH2();
  private final SplittableRandom random = new SplittableRandom(20261128);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void tenThousandRandomEventsBreakNothing() {
    List<PlatformUser> people =
        List.of(user("1", "Ann", "en"), user("2", "李雷", "zh"), user("3", "<b>Eve & co</b>", null));
    List<ChatRef> groups = List.of(group("-10"), group("-20"));
    List<String> pressedBefore = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      PlatformUser person = people.get(random.nextInt(people.size()));
      ChatRef chat =
          random.nextInt(4) == 0 ? groups.get(random.nextInt(groups.size())) : privateChat(person);
      harness.receive(event(person, chat, pressedBefore));
      if (i % 500 == 0) {
        harness.clock.advance(Duration.ofHours(random.nextInt(30)));
      }
    }
    assertThat(harness.gateway.all()).isNotEmpty();
    assertThat(harness.gateway.all().stream().map(FakeChatGateway.Sent::text))
        .noneMatch(text -> text.contains("went wrong") || text.contains("出了点问题"));
    assertThat(rows(DUPLICATE_ATTEMPTS))
        .as("(quiz_question_id, learner_id, attempts) answered more than once")
        .isEmpty();
    for (PlatformUser person : people) {
      harness.type(person, "/progress");
      String progress = harness.lastText(privateChat(person));
      assertThat(progress).containsAnyOf("Progress of", "的学习进度");
      assertThat(answeredIn(progress))
          .as("answers /progress shows %s; its quiz_attempt rows: %s", person, attemptsOf(person))
          .isEqualTo(attemptsOf(person).size());
    }
    int topics = TestCurriculum.create().topics().size();
    assertThat(rows(ENROLLMENTS_BEYOND_THE_COURSE, topics))
        .as("(enrollment id, learner_id, group_id, position) beyond the %d topics", topics)
        .isEmpty();
    assertThat(rows(ATTEMPTS_FROM_ANOTHER_CHAT))
        .as("(attempt id, learner_id, quiz id, chat) answered in a chat not the learner's")
        .isEmpty();
  }

  private static final String DUPLICATE_ATTEMPTS =
      "select quiz_question_id, learner_id, count(*) from quiz_attempt"
          + " group by quiz_question_id, learner_id having count(*) > 1";

  private static final String ENROLLMENTS_BEYOND_THE_COURSE =
      "select id, learner_id, group_id, position from enrollment"
          + " where position < 0 or position > ?";

  /** Attempts on quizzes sent neither to a group nor to the learner's own private chat. */
  private static final String ATTEMPTS_FROM_ANOTHER_CHAT =
      "select a.id, a.learner_id, q.id, q.chat_platform || ':' || q.chat_id from quiz_attempt a"
          + " join quiz_question qq on qq.id = a.quiz_question_id"
          + " join quiz q on q.id = qq.quiz_id"
          + " where not exists (select 1 from platform_account p where p.learner_id = a.learner_id"
          + "   and p.platform = q.chat_platform and p.external_id = q.chat_id)"
          + " and not exists (select 1 from study_group g"
          + "   where g.platform = q.chat_platform and g.chat_id = q.chat_id)";

  private static final Pattern ANSWERED = Pattern.compile("Answers: (\\d+)|已答 (\\d+) 题");

  /** The answer count in a /progress reply, in either language. */
  private static long answeredIn(String progress) {
    Matcher matcher = ANSWERED.matcher(progress);
    assertThat(matcher.find()).as("an answer count in %s", progress).isTrue();
    return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
  }

  /** The person's quiz_attempt rows as (attempt id, quiz_question_id, choice). */
  private List<List<Object>> attemptsOf(PlatformUser person) {
    return rows(
        "select a.id, a.quiz_question_id, a.choice from quiz_attempt a"
            + " join platform_account p on p.learner_id = a.learner_id"
            + " where p.platform = ? and p.external_id = ?",
        person.platform().name(),
        person.externalId());
  }

  private List<List<Object>> rows(String sql, Object... parameters) {
    try (Connection connection = harness.database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int column = 1; column <= columns; column++) {
            row.add(result.getObject(column));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private IncomingEvent event(PlatformUser person, ChatRef chat, List<String> pressedBefore) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return IncomingEvent.parse(person, chat, WORDS[random.nextInt(WORDS.length)]);
    }
    if (kind < 5) {
      return press(person, chat, FORGED[random.nextInt(FORGED.length)]);
    }
    if (kind < 7 && !pressedBefore.isEmpty()) {
      return press(person, chat, pressedBefore.get(random.nextInt(pressedBefore.size()))); // replay
    }
    List<Button> buttons = latestButtons(chat);
    if (buttons.isEmpty()) {
      return IncomingEvent.parse(person, chat, "/quiz");
    }
    String payload = buttons.get(random.nextInt(buttons.size())).payload();
    pressedBefore.add(payload);
    return press(person, chat, payload);
  }

  private List<Button> latestButtons(ChatRef chat) {
    List<FakeChatGateway.Sent> sent = harness.gateway.sentTo(chat);
    for (int i = sent.size() - 1; i >= Math.max(0, sent.size() - 5); i--) {
      if (!sent.get(i).buttons().isEmpty()) {
        return sent.get(i).buttons();
      }
    }
    return List.of();
  }

  private static IncomingEvent press(PlatformUser person, ChatRef chat, String payload) {
    return new IncomingEvent.ButtonPress(person, chat, payload, Optional.of("1"));
  }
}
