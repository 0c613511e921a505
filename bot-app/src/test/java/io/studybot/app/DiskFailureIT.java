package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console jar on a small file system of its own (a tmpfs): a disk that fills up while the bot
 * runs, and a data folder that is read-only at start, each stop the bot with one line naming
 * STUDYBOT_DATA_DIR instead of carrying on while every change is lost. Mounting needs root, which
 * CI has; elsewhere the tests are skipped with a message.
 */
class DiskFailureIT {
  private static final Path JAR = Path.of("target/studybot.jar");

  @TempDir Path mountPoint;
  private boolean mounted;
  private Path errFile = Path.of("none");

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mounted = run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mountPoint.toString()) == 0;
    if (!mounted && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true: a tmpfs could not be mounted (these tests need root)");
    }
    assumeTrue(mounted, "a tmpfs cannot be mounted here (not root): skipping the disk tests");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", mountPoint.toString());
    }
  }

  @Test
  void aDiskThatFillsUpStopsTheBotWithOneLine() throws Exception {
    Path data = mountPoint.resolve("data");
    Process bot = start(data);
    try (OutputStream stdin = bot.getOutputStream()) {
      type(stdin, "/start\n2\nEurope/Berlin\n08:00\n/today\n");
      Thread.sleep(4000);
      fill(mountPoint.resolve("filler"));
      for (int i = 0; i < 60 && bot.isAlive(); i++) {
        type(stdin, "/settings lesson 08:" + (10 + i % 40) + "\n/next\n");
        Thread.sleep(250);
      }
    } catch (IOException e) {
      // The bot stopped and closed its input: what the test waits for below.
    }
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("the bot stops").isTrue();
    String err = Files.readString(errFile);
    assertThat(bot.exitValue()).isEqualTo(1);
    // The command that met the full disk is told on one line, then the reason the bot stops.
    List<String> lines = err.lines().toList();
    assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    assertThat(lines.get(lines.size() - 1))
        .startsWith("studybot: STUDYBOT_DATA_DIR:")
        .contains("disk full");
    assertThat(lines.stream().filter(line -> line.startsWith("studybot:"))).hasSize(1);
  }

  @Test
  void aReadOnlyDataFolderStopsTheStartWithOneLine() throws Exception {
    Path data = mountPoint.resolve("data");
    Process first = start(data);
    try (OutputStream stdin = first.getOutputStream()) {
      type(stdin, "/start\n");
    }
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(data.resolve("studybot.mv.db")).exists();
    assertThat(run("mount", "-o", "remount,ro", mountPoint.toString())).isZero();

    Process second = start(data);
    second.getOutputStream().close();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(errFile);
    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).startsWith("studybot: STUDYBOT_DATA_DIR:");
  }

  private Process start(Path data) throws IOException {
    Files.createDirectories(data);
    ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()));
    builder.environment().remove("TELEGRAM_BOT_TOKEN");
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().put("STUDYBOT_DATA_DIR", data.toString());
    builder.environment().put("STUDYBOT_SCHEDULER", "false");
    Path logs = Files.createTempDirectory("studybot-disk");
    builder.redirectOutput(logs.resolve("out.txt").toFile());
    builder.redirectError(logs.resolve("err.txt").toFile());
    errFile = logs.resolve("err.txt");
    return builder.start();
  }

  private static void type(OutputStream stdin, String lines) throws IOException {
    stdin.write(lines.getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Writes until the file system has no room left. */
  private static void fill(Path filler) {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // The disk is full.
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
