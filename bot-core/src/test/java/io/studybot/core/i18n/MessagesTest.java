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
}
