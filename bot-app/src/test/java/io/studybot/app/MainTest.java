package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aBadSettingStopsStartUpWithOneLineAndExitCodeTwo() {
    int code = run(List.of(), Map.of("STUDYBOT_QUIZ_QUESTIONS", "many"));
    assertThat(code).isEqualTo(2);
    assertThat(err())
        .isEqualTo("studybot: STUDYBOT_QUIZ_QUESTIONS: expected a whole number from 1 to 10\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aBadOperatorListStopsStartUpWithOneLineThatNamesItButNotItsValue() {
    int code = run(List.of(), Map.of("STUDYBOT_ADMINS", "telegram:1,myspace:secret-id"));
    assertThat(code).isEqualTo(2);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err()).startsWith("studybot: STUDYBOT_ADMINS: ").doesNotContain("secret-id");
  }

  @Test
  void aBadTelegramSettingIsReportedWithoutTheToken() {
    int code =
        run(
            List.of(),
            Map.of(
                "TELEGRAM_BOT_TOKEN",
                "123456:top-secret",
                "TELEGRAM_WEBHOOK_URL",
                "http://bot.example.org"));
    assertThat(code).isEqualTo(2);
    assertThat(err()).startsWith("studybot: TELEGRAM_WEBHOOK_URL:").doesNotContain("top-secret");
  }

  @Test
  void aTelegramApiThatCannotBeReachedStopsStartUpWithOneLine(@TempDir Path dataDir)
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int code =
        run(
            List.of(),
            Map.of(
                "STUDYBOT_DATA_DIR",
                dataDir.toString(),
                "STUDYBOT_SCHEDULER",
                "false",
                "STUDYBOT_HTTP_PORT",
                "0",
                "TELEGRAM_BOT_TOKEN",
                "123456:top-secret",
                "TELEGRAM_API_URL",
                "http://127.0.0.1:" + closedPort));
    assertThat(code).isEqualTo(1);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err())
        .startsWith("studybot: TELEGRAM_API_URL: Telegram's Bot API cannot be reached")
        .doesNotContain("top-secret");
  }

  @Test
  void aTakenHttpPortStopsStartUpWithOneLineBeforeTheDatabaseOpens(@TempDir Path dataDir)
      throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      int code =
          run(
              List.of(),
              Map.of(
                  "STUDYBOT_DATA_DIR",
                  dataDir.toString(),
                  "STUDYBOT_HTTP_PORT",
                  String.valueOf(taken.getLocalPort())));

      assertThat(code).isEqualTo(1);
      assertThat(err().lines().toList()).hasSize(1);
      assertThat(err()).startsWith("studybot: STUDYBOT_HTTP_PORT: ").contains("in use");
      assertThat(dataDir.resolve("studybot.mv.db")).doesNotExist();
    }
  }

  @Test
  void aDataFolderThatCannotBeWrittenStopsStartUpWithOneLine(@TempDir Path dir) throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the folder should be");

    int code = run(List.of(), Map.of("STUDYBOT_DATA_DIR", notAFolder.toString()));

    assertThat(code).isEqualTo(1);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err()).startsWith("studybot: STUDYBOT_DATA_DIR: the data folder cannot be written");
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
    assertThat(err())
        .startsWith("studybot: STUDYBOT_CONSOLE:")
        .contains("TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN");
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
