package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aBadSettingStopsStartUpWithOneLineAndExitCodeTwo() {
    int code = run(List.of(), Map.of("STUDYBOT_QUIZ_QUESTIONS", "many"));
    assertThat(code).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "studybot: STUDYBOT_QUIZ_QUESTIONS: expected a whole number from 1 to 10, got 'many'\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aTokenWithoutItsAdapterIsReportedWithoutTheToken() {
    int code = run(List.of(), Map.of("TELEGRAM_BOT_TOKEN", "123456:top-secret"));
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("studybot: TELEGRAM_BOT_TOKEN:").doesNotContain("top-secret");
  }

  @Test
  void aBadDiscordSettingIsReportedWithoutTheToken() {
    int code =
        run(
            List.of(),
            Map.of("DISCORD_BOT_TOKEN", "d-top-secret", "DISCORD_SHARDS", "all of them"));
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("studybot: DISCORD_SHARDS:").doesNotContain("top-secret");
  }

  @Test
  void turningTheConsoleOffWithoutAPlatformIsABadSetting() {
    int code = run(List.of(), Map.of("STUDYBOT_CONSOLE", "false"));
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("studybot: STUDYBOT_CONSOLE:").contains("DISCORD_BOT_TOKEN");
  }

  @Test
  void unknownArgumentsPrintUsage() {
    assertThat(run(List.of("serve", "--now"), Map.of())).isEqualTo(2);
    assertThat(err()).startsWith("usage: studybot");
  }

  @Test
  void contentLintChecksTheBundledCurriculum() {
    int code = run(List.of("content", "lint"), Map.of());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("topics: ", "questions: ", "code questions: ");
    assertThat(code).isZero();
  }

  private int run(List<String> args, Map<String, String> env) {
    return Main.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
