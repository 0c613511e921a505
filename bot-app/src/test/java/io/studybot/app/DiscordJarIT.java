package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.discord.emulator.DiscordEmulator;
import io.studybot.discord.emulator.DiscordEmulator.BotMessage;
import io.studybot.discord.emulator.DiscordEmulator.Person;
import io.studybot.discord.emulator.DiscordEmulator.Place;
import io.studybot.discord.emulator.DiscordScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started with {@code DISCORD_BOT_TOKEN} and {@code DISCORD_API_URL} pointing at the
 * fake Discord, serves DMs and server channels through unmodified JDA, posts a subscribed channel's
 * daily lesson, stops deliveries to a deleted channel and a server it left, resumes a dropped
 * gateway session, and stops cleanly on SIGTERM without ever logging its token.
 */
class DiscordJarIT {
  private static final Path JAR = Path.of("target/studybot.jar");

  @TempDir Path dataDir;

  @Test
  void theJarServesDiscordUntilSigterm() throws Exception {
    try (DiscordEmulator discord = DiscordEmulator.start()) {
      Path out = Files.createTempFile("studybot-out", ".txt");
      Path err = Files.createTempFile("studybot-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toString()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().remove("TELEGRAM_BOT_TOKEN");
      builder.environment().remove("STUDYBOT_CONSOLE");
      builder.environment().remove("DISCORD_GUILD_ID");
      builder.environment().remove("DISCORD_SHARDS");
      builder.environment().put("STUDYBOT_DATA_DIR", dataDir.toString());
      builder.environment().put("DISCORD_BOT_TOKEN", DiscordEmulator.TOKEN);
      builder.environment().put("DISCORD_API_URL", discord.apiUrl().toString());
      // A tick every second brings a lesson that falls due now within a second, not a minute.
      builder.environment().put("STUDYBOT_DISPATCH_SECONDS", "1");
      Process bot = builder.start();
      Person admin = Person.admin("3001", "Alan", "en-US");
      Person member = Person.member("3002", "Bob", "en-US");
      try {
        DiscordScenarios.commandsAreLocalized(discord);
        DiscordScenarios.directMessages(discord, Person.member("3003", "Grace", "en-US"));
        DiscordScenarios.serverChannel(
            discord,
            Person.member("3004", "Ada", "en-US"),
            Person.member("3005", "<Eve_*star*>", "en-US"));
        DiscordScenarios.subscribeRefusals(discord, admin, member);
        theDailyLessonComesIntoTheSubscribedChannel(discord, admin);
        deliveriesStopForADeletedChannelAndALeftServer(discord, admin, member, dataDir);
        DiscordScenarios.resumesAfterADroppedConnection(discord, member);
        assertThat(discord.refusals()).isEmpty();
        assertThat(bot.isAlive()).isTrue();
      } finally {
        bot.destroy();
        if (!bot.waitFor(60, TimeUnit.SECONDS)) {
          bot.destroyForcibly();
          throw new AssertionError("the jar did not stop on SIGTERM");
        }
      }
      // 128 + 15: the JVM ran its shutdown hooks and ended on SIGTERM.
      assertThat(bot.exitValue()).isEqualTo(143);
      String log = Files.readString(dataDir.resolve("studybot.log"));
      assertThat(log)
          .contains("Discord adapter started", "Discord adapter stopped")
          .doesNotContain(DiscordEmulator.TOKEN);
      assertThat(Files.readString(out))
          .contains("StudyBot is serving Discord")
          .doesNotContain(DiscordEmulator.TOKEN);
      String errors = Files.readString(err);
      assertThat(errors).doesNotContain(DiscordEmulator.TOKEN).doesNotContain("ERROR");
    }
  }

  /**
   * An admin subscribes the channel, then moves its lesson time to one already past today: the
   * day's lesson, not yet sent, comes now, posted by the dispatch tick as a channel message.
   */
  private static void theDailyLessonComesIntoTheSubscribedChannel(
      DiscordEmulator discord, Person admin) throws Exception {
    Place daily = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.DAILY);
    subscribe(discord, admin, daily, "23:58");
    subscribe(discord, admin, daily, "00:00");
    BotMessage lesson =
        discord.await(
            daily.channelId(),
            0,
            message -> message.how().equals("post") && message.text().contains("Day 1 of"));
    assertThat(lesson.embeds()).isEqualTo(1);
    assertThat(lesson.interaction()).isEmpty();
  }

  /**
   * A deleted channel and a server the bot was removed from stop their deliveries at once; invited
   * back, the bot says in the server's channel that its daily posts stopped.
   */
  private static void deliveriesStopForADeletedChannelAndALeftServer(
      DiscordEmulator discord, Person admin, Person member, Path dataDir) throws Exception {
    Place old = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.OLD_STUDY);
    Place other = Place.channel(DiscordEmulator.OTHER_SERVER, DiscordEmulator.OTHER_CHANNEL);
    subscribe(discord, admin, old, "23:58");
    subscribe(discord, admin, other, "23:58");

    discord.deleteChannel(DiscordEmulator.SERVER, DiscordEmulator.OLD_STUDY);
    discord.leaveServer(DiscordEmulator.OTHER_SERVER);
    Path log = dataDir.resolve("studybot.log");
    awaitLog(log, "DISCORD chat " + DiscordEmulator.OLD_STUDY + " is out of reach");
    awaitLog(log, "DISCORD server " + DiscordEmulator.OTHER_SERVER + " is out of reach");

    discord.rejoinServer(DiscordEmulator.OTHER_SERVER);
    int mark = discord.mark(other.channelId());
    DiscordScenarios.answer(discord, discord.slash(member, other, "help", Map.of()));
    discord.await(
        other.channelId(),
        mark,
        message -> message.text().contains("I was removed from this chat"));
    assertThat(discord.shown(old.channelId())).noneMatch(message -> message.how().equals("post"));
  }

  private static void awaitLog(Path log, String line) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the log never said: " + line);
  }

  private static void subscribe(DiscordEmulator discord, Person admin, Place place, String lesson)
      throws InterruptedException {
    BotMessage done =
        DiscordScenarios.answer(
            discord,
            discord.slash(
                admin,
                place,
                "subscribe",
                Map.of("lesson", lesson, "quiz", "23:59", "zone", "UTC")));
    assertThat(done.text()).contains("Subscribed");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
