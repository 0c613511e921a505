package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One learner across Telegram and Discord: /link joins two accounts, /unlink parts them. */
class LinkingConversationTest {
  private static final Pattern CODE = Pattern.compile("link code: ([A-Z0-9]{6})");

  private final BotHarness harness = new BotHarness(TestDatabases.h2(), TestCurriculum.create(10));
  private final PlatformUser onTelegram = user("100", "Ada", "en");
  private final PlatformUser onDiscord =
      new PlatformUser(Platform.DISCORD, "900", "ada#1", Optional.of("en-US"));
  private final ChatRef telegramChat = privateChat(onTelegram);
  private final ChatRef discordChat = privateChat(onDiscord);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void twoAccountsBecomeOneLearnerWithMergedProgressAndTheIssuersSettings() {
    harness.type(onTelegram, "/settings zone Europe/Berlin");
    answerTodaysQuiz(onTelegram, telegramChat, TestCurriculum.RIGHT); // topic 1 done, streak 1
    harness.type(onDiscord, "/next");
    harness.type(onDiscord, "/next");
    answerTodaysQuiz(onDiscord, discordChat, TestCurriculum.WRONG); // topic 3 done on Discord

    String code = linkCode(onTelegram);
    harness.type(onDiscord, "/link " + code.toLowerCase(java.util.Locale.ROOT));

    assertThat(harness.lastText(discordChat)).contains("Linked");
    harness.type(onDiscord, "/progress");
    assertThat(harness.lastText(discordChat))
        .contains(
            "Topic 3 of 10", // the further position
            "Topics done: 2 of 10", // the union
            "Answers: 6, 50% right", // every answer kept
            "Streak: 1 day",
            "(Europe/Berlin)"); // the code's account's settings
    harness.type(onTelegram, "/progress");
    assertThat(harness.lastText(telegramChat)).contains("Topics done: 2 of 10", "Answers: 6");
  }

  @Test
  void aCodeWorksOnceAndOnlyForTenMinutes() {
    String code = linkCode(onTelegram);
    harness.clock.advance(Duration.ofMinutes(11));
    harness.type(onDiscord, "/link " + code);
    assertThat(harness.lastText(discordChat)).contains("does not work", "Nothing was changed");

    String fresh = linkCode(onTelegram);
    harness.type(onDiscord, "/link " + fresh);
    assertThat(harness.lastText(discordChat)).contains("Linked");
    PlatformUser other = new PlatformUser(Platform.DISCORD, "901", "bob", Optional.empty());
    harness.type(other, "/link " + fresh);
    assertThat(harness.lastText(privateChat(other))).contains("does not work");
  }

  @Test
  void fiveWrongCodesAnHourLockTheAccountOutUntilTheHourIsOver() {
    String code = linkCode(onTelegram);
    for (int i = 0; i < LinkFlow.WRONG_CODES_PER_HOUR; i++) {
      harness.type(onDiscord, "/link ZZZZZ" + i);
      assertThat(harness.lastText(discordChat)).contains("does not work");
    }
    harness.type(onDiscord, "/link " + code);
    assertThat(harness.lastText(discordChat)).contains("try again in an hour");

    harness.clock.advance(Duration.ofMinutes(61));
    String fresh = linkCode(onTelegram);
    harness.type(onDiscord, "/link " + fresh);
    assertThat(harness.lastText(discordChat)).contains("Linked");
  }

  @Test
  void anAccountsOwnCodeDoesNotLinkIt() {
    String code = linkCode(onTelegram);
    harness.type(onTelegram, "/link " + code);
    assertThat(harness.lastText(telegramChat)).contains("own code");
  }

  @Test
  void unlinkingLeavesBothAccountsWithTheProgress() {
    answerTodaysQuiz(onTelegram, telegramChat, TestCurriculum.RIGHT);
    harness.type(onDiscord, "/link " + linkCode(onTelegram));
    harness.type(onDiscord, "/unlink");
    assertThat(harness.lastText(discordChat)).contains("Unlinked");

    harness.type(onDiscord, "/progress");
    assertThat(harness.lastText(discordChat))
        .contains("Topics done: 1 of 10", "Topic 1 of 10", "(UTC)");
    harness.type(onTelegram, "/progress");
    assertThat(harness.lastText(telegramChat)).contains("Topics done: 1 of 10", "Answers: 3");
    harness.type(onTelegram, "/unlink");
    assertThat(harness.lastText(telegramChat)).contains("not linked");
  }

  @Test
  void linkingIsForPrivateChats() {
    ChatRef group = BotHarness.group("-1");
    harness.type(onTelegram, group, "/link");
    assertThat(harness.lastText(group)).contains("/link").doesNotContain("link code:");
  }

  private String linkCode(PlatformUser user) {
    harness.type(user, "/link");
    Matcher code = CODE.matcher(harness.lastText(privateChat(user)));
    assertThat(code.find()).as("a link code in %s", harness.lastText(privateChat(user))).isTrue();
    return code.group(1);
  }

  private void answerTodaysQuiz(PlatformUser user, ChatRef chat, int choice) {
    harness.type(user, chat, "/quiz");
    List<List<Button>> questions = harness.questionButtons(chat);
    for (List<Button> question : questions.subList(questions.size() - 3, questions.size())) {
      harness.press(user, chat, question.get(choice).payload());
    }
  }
}
