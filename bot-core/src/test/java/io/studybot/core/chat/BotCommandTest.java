package io.studybot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Language;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BotCommandTest {

  @Test
  void commandsAreFoundByNameInAnyCase() {
    assertThat(BotCommand.named("Quiz")).contains(BotCommand.QUIZ);
    assertThat(BotCommand.named("subscribe")).contains(BotCommand.SUBSCRIBE);
    assertThat(BotCommand.named("drop")).isEmpty();
  }

  /** The operators' command is kept out of the catalog, so no menu or slash command shows it. */
  @Test
  void adminIsInNoMenu() {
    assertThat(BotCommand.named("admin")).isEmpty();
  }

  @Test
  void privateChatsAndGroupsGetTheirOwnMenus() {
    assertThat(BotCommand.menuFor(ChatKind.PRIVATE))
        .contains(BotCommand.SETTINGS, BotCommand.FORGET, BotCommand.REVIEW, BotCommand.QUIZ)
        .doesNotContain(BotCommand.SUBSCRIBE, BotCommand.UNSUBSCRIBE);
    assertThat(BotCommand.menuFor(ChatKind.GROUP))
        .contains(BotCommand.SUBSCRIBE, BotCommand.UNSUBSCRIBE, BotCommand.QUIZ)
        .doesNotContain(BotCommand.SETTINGS, BotCommand.FORGET, BotCommand.PAUSE);
  }

  @Test
  void inGroupsOnlyAdminsChangeDeliveriesOrMoveTheCourse() {
    assertThat(Arrays.stream(BotCommand.values()).filter(BotCommand::adminOnly))
        .containsExactlyInAnyOrder(
            BotCommand.SUBSCRIBE, BotCommand.UNSUBSCRIBE, BotCommand.NEXT, BotCommand.SKIP);
  }

  /** Telegram takes 1-32 lower-case letters, digits and _; Discord descriptions up to 100. */
  @Test
  void namesAndDescriptionsFitEveryPlatform() {
    for (BotCommand command : BotCommand.values()) {
      assertThat(command.command()).matches("[a-z0-9_]{1,32}");
      for (Language language : Language.values()) {
        assertThat(command.description(language)).isNotBlank().hasSizeLessThanOrEqualTo(100);
      }
      assertThat(command.zhName()).isNotBlank().hasSizeLessThanOrEqualTo(32);
    }
  }
}
