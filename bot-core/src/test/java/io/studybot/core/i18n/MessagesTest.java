package io.studybot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Language;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final Messages messages = new Messages();

  @Test
  void everyStringExistsInBothLanguages() {
    assertThat(messages.keys(Language.ZH)).isNotEmpty().isEqualTo(messages.keys(Language.EN));
  }

  @Test
  void placeholdersAreFilledLiterally() {
    assertThat(messages.get(Language.EN, "settings.bad-zone", "Mars/Base"))
        .contains("I don't know the time zone “Mars/Base”");
    assertThat(messages.get(Language.ZH, "settings.zone-set", "Asia/Shanghai"))
        .isEqualTo("✅ 时区已设为 Asia/Shanghai。");
  }

  @Test
  void countsTakeTheWordThatAgreesWithThem() {
    assertThat(messages.get(Language.EN, "progress.streak", 1, 4))
        .isEqualTo("Streak: 1 day, best 4");
    assertThat(messages.get(Language.EN, "progress.streak", 0, 4))
        .isEqualTo("Streak: 0 days, best 4");
    assertThat(messages.get(Language.EN, "leaderboard.title", 2)).contains("2 members studied");
    assertThat(messages.get(Language.EN, "review.intro", 1)).contains("Review: 1 question you");
  }

  /** No English string is left with a "(s)" plural. */
  @Test
  void noEnglishStringHedgesItsPlural() {
    for (String key : messages.keys(Language.EN)) {
      assertThat(messages.get(Language.EN, key, 2, 2, 2, 2, 2)).as(key).doesNotContain("(s)");
    }
  }
}
