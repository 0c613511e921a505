package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear reply in the learner's language and changes nothing. */
class BadInputTest {
  private final BotHarness harness = BotHarness.onH2();
  private final PlatformUser alice = user("100", "Alice", "en");
  private final PlatformUser li = user("200", "小李", "zh");
  private final ChatRef aliceChat = privateChat(alice);
  private String settingsBefore;
  private String progressBefore;

  @BeforeEach
  void knownState() {
    harness.type(alice, "/settings lesson 08:15");
    harness.type(alice, "/quiz");
    settingsBefore = settings();
    progressBefore = progress();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void unknownCommand() {
    harness.type(alice, "/frobnicate now");
    assertThat(harness.lastText(aliceChat)).contains("I don't know the command /frobnicate");
    assertUnchanged();
  }

  @Test
  void freeTextWhereNoneIsExpected() {
    harness.type(alice, "what is a decorator?");
    assertThat(harness.lastText(aliceChat)).contains("I didn't understand that");
    assertUnchanged();
  }

  @Test
  void answerNumberOutOfRange() {
    Button right = harness.questionButtons(aliceChat).get(0).get(1);
    String outOfRange = right.payload().substring(0, right.payload().lastIndexOf(':')) + ":7";
    harness.press(alice, aliceChat, outOfRange);
    assertThat(harness.lastText(aliceChat)).contains("That button is no longer valid");
    assertUnchanged();
  }

  @Test
  void forgedAndMalformedButtons() {
    for (String payload :
        new String[] {
          "a:999999:1", "a:x:y", "zzz", "a:", "lang:fr", "set:nothing", "zone:Mars/Base"
        }) {
      harness.press(alice, aliceChat, payload);
      assertThat(harness.lastText(aliceChat))
          .as(payload)
          .containsAnyOf("no longer valid", "I don't know the time zone");
    }
    assertUnchanged();
  }

  @Test
  void anotherPersonsQuestionCannotBeAnswered() {
    PlatformUser mallory = user("666", "Mallory", "en");
    Button alices = harness.questionButtons(aliceChat).get(0).get(1);
    harness.press(mallory, privateChat(mallory), alices.payload());
    assertThat(harness.lastText(privateChat(mallory))).contains("no longer valid");
    assertUnchanged();
  }

  @Test
  void unknownTimeZone() {
    harness.type(alice, "/settings zone Mars/Olympus_Mons");
    assertThat(harness.lastText(aliceChat))
        .contains("I don't know the time zone “Mars/Olympus_Mons”", "Nothing was changed");
    assertUnchanged();
  }

  @Test
  void impossibleTime() {
    harness.type(alice, "/settings lesson 25:61");
    assertThat(harness.lastText(aliceChat))
        .contains("“25:61” is not a time of day", "Nothing was changed");
    harness.type(alice, "/settings quiz 9:7");
    assertThat(harness.lastText(aliceChat)).contains("“9:7” is not a time of day");
    assertUnchanged();
  }

  @Test
  void secondAnswerToTheSameQuestion() {
    Button right = harness.questionButtons(aliceChat).get(0).get(1);
    Button wrong = harness.questionButtons(aliceChat).get(0).get(0);
    harness.press(alice, aliceChat, right.payload());
    String progressAfterFirst = progress();
    harness.press(alice, aliceChat, wrong.payload());
    assertThat(harness.lastText(aliceChat)).contains("You have already answered this question");
    assertThat(progress()).isEqualTo(progressAfterFirst);
  }

  @Test
  void badInputRepliesInTheLearnersLanguage() {
    harness.type(li, "/settings zone 火星");
    assertThat(harness.lastText(privateChat(li))).contains("我不认识时区“火星”");
    harness.type(li, "/whatever");
    assertThat(harness.lastText(privateChat(li))).contains("我不认识命令 /whatever");
    harness.type(li, "随便说点什么");
    assertThat(harness.lastText(privateChat(li))).contains("我没看懂");
  }

  private void assertUnchanged() {
    assertThat(settings()).isEqualTo(settingsBefore);
    assertThat(progress()).isEqualTo(progressBefore);
  }

  private String settings() {
    harness.type(alice, "/settings");
    return harness.lastText(aliceChat);
  }

  private String progress() {
    harness.type(alice, "/progress");
    return harness.lastText(aliceChat);
  }
}
