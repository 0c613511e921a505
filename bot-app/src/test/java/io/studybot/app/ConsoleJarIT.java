package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, started as a process, chatting over piped stdin in console mode. */
class ConsoleJarIT {
  private static final Path JAR = Path.of("target/studybot.jar");

  @TempDir Path dataDir;

  @Test
  void aPipedConversationRunsAndExitsCleanlyAtEndOfInput() throws Exception {
    String input =
        String.join(
            "\n", "/start", "2", "Europe/Berlin", "08:00", "/today", "/quiz", "2", "/progress", "");
    Result result = runJar(input, Map.of("STUDYBOT_DATA_DIR", dataDir.toString()));
    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out)
        .contains(
            "StudyBot console",
            "which language",
            "[1] 中文   [2] English",
            "Which time zone",
            "lesson arrives at 08:00",
            "Europe/Berlin",
            "Day 1 of",
            "Key points",
            "Question 1 of 3",
            "Progress of",
            "Answers: 1");
    assertThat(result.out).doesNotContain("INFO", "DEBUG", "HHH", "Flyway");
    assertThat(result.err).isEmpty();
    assertThat(dataDir.resolve("studybot.log")).exists();
    assertThat(dataDir.resolve("studybot.mv.db")).exists();

    Result again = runJar("/progress\n", Map.of("STUDYBOT_DATA_DIR", dataDir.toString()));
    assertThat(again.out).contains("Answers: 1", "(Europe/Berlin)");
    // The console shows no pictures: the progress chart is written beside the database.
    Path chart = dataDir.resolve("progress.png");
    assertThat(again.out).contains("🖼", chart.toAbsolutePath().toString());
    assertThat(javax.imageio.ImageIO.read(chart.toFile()).getWidth()).isPositive();
  }

  @Test
  void aBadSettingExitsWithTwoAndOneLine() throws Exception {
    Result result =
        runJar(
            "", Map.of("STUDYBOT_DATA_DIR", dataDir.toString(), "STUDYBOT_DB_URL", "oracle:thin"));
    assertThat(result.code).isEqualTo(2);
    assertThat(result.err.lines().toList()).hasSize(1);
    assertThat(result.err).startsWith("studybot: STUDYBOT_DB_URL:");
  }

  @Test
  void aSecondBotOnTheSameDataFolderStopsWithOneLine() throws Exception {
    ProcessBuilder first = new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()));
    first.environment().remove("TELEGRAM_BOT_TOKEN");
    first.environment().remove("DISCORD_BOT_TOKEN");
    first.environment().put("STUDYBOT_DATA_DIR", dataDir.toString());
    first
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process running = first.start();
    try (OutputStream stdin = running.getOutputStream()) {
      stdin.write("/start\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      for (int i = 0; i < 300 && !Files.exists(dataDir.resolve("studybot.mv.db")); i++) {
        Thread.sleep(50);
      }
      Thread.sleep(1000);

      Result second = runJar("", Map.of("STUDYBOT_DATA_DIR", dataDir.toString()));

      assertThat(second.code).isEqualTo(1);
      assertThat(second.err.lines().toList()).hasSize(1);
      assertThat(second.err)
          .startsWith("studybot: STUDYBOT_DATA_DIR: the embedded database in")
          .contains("in use by another StudyBot");
    } finally {
      running.destroy();
      running.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private record Result(int code, String out, String err) {}

  private static Result runJar(String input, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()));
    builder.environment().remove("TELEGRAM_BOT_TOKEN");
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("studybot-out", ".txt");
    Path err = Files.createTempFile("studybot-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not exit at the end of its input");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
