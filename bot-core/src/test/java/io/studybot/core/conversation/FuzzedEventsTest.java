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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random events from several people in private and group chats: random text and commands,
 * real, replayed, forged and truncated buttons, double taps. Nothing may break: no event ends in
 * the internal-error reply, and every learner's answers stay one per delivered question.
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
    for (PlatformUser person : people) {
      harness.type(person, "/progress");
      assertThat(harness.lastText(privateChat(person))).containsAnyOf("Progress of", "的学习进度");
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
