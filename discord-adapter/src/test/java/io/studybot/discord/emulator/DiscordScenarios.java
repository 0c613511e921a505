package io.studybot.discord.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.discord.emulator.DiscordEmulator.BotMessage;
import io.studybot.discord.emulator.DiscordEmulator.Interaction;
import io.studybot.discord.emulator.DiscordEmulator.Person;
import io.studybot.discord.emulator.DiscordEmulator.Place;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The conversations the end-to-end tests play through the fake Discord, against the adapter in a
 * test JVM or against the built jar: they need the bundled course and a fresh database.
 */
public final class DiscordScenarios {
  private DiscordScenarios() {}

  /** Every slash command is registered with English and Chinese names and descriptions. */
  public static void commandsAreLocalized(DiscordEmulator discord) throws InterruptedException {
    discord.awaitCommands();
    List<DataObject> commands = discord.registeredCommands();
    // Registered once, globally, on one PUT: every name comes once.
    assertThat(commands)
        .extracting(c -> c.getString("name"))
        .contains("start", "today", "quiz")
        .doesNotHaveDuplicates();
    for (DataObject command : commands) {
      assertThat(command.getObject("name_localizations").keys()).contains("zh-CN", "en-US");
      assertThat(command.getObject("description_localizations").keys()).contains("zh-CN", "en-US");
    }
    DataObject today =
        commands.stream().filter(c -> c.getString("name").equals("today")).findFirst().get();
    assertThat(today.getObject("name_localizations").getString("zh-CN")).isEqualTo("今日");
  }

  /** {@code /start} onboarding by buttons, {@code /today}, {@code /quiz} and an answer, in a DM. */
  public static void directMessages(DiscordEmulator discord, Person learner) throws Exception {
    Place dm = discord.dmOf(learner);
    String chat = dm.channelId();

    BotMessage welcome = answer(discord, discord.slash(learner, dm, "start", Map.of()));
    assertThat(welcome.text()).contains("Hi " + learner.name(), "which language");
    BotMessage zones = answer(discord, discord.press(learner, dm, welcome, "lang:en"));
    assertThat(zones.text()).contains("Which time zone");
    BotMessage times =
        answer(discord, discord.press(learner, dm, zones, zones.button("Europe/Berlin")));
    assertThat(times.text()).contains("When should the daily lesson arrive");
    discord.press(learner, dm, times, times.customIds().get(0));
    BotMessage done = discord.awaitText(chat, "All set");
    assertThat(done.text()).contains("(Europe/Berlin)"); // the choices are stored

    BotMessage lesson = answer(discord, discord.slash(learner, dm, "today", Map.of()));
    assertThat(lesson.embeds()).isEqualTo(1);
    assertThat(lesson.text()).contains("Day 1 of");

    int mark = discord.mark(chat);
    Interaction quiz = discord.slash(learner, dm, "quiz", Map.of());
    BotMessage question =
        discord.await(chat, mark, message -> message.text().contains("Question 1 of"));
    discord.await(chat, mark, message -> message.text().contains("Question 3 of 3"));
    // The first message answers the interaction; the questions after it are its follow-ups.
    List<String> hows = discord.answersTo(quiz).stream().map(BotMessage::how).toList();
    assertThat(hows.get(0)).isEqualTo("reply");
    assertThat(hows.subList(1, hows.size())).isNotEmpty().containsOnly("followup");
    assertThat(question.customIds()).hasSizeGreaterThan(1);
    Interaction press = discord.press(learner, dm, question, question.customIds().get(0));
    BotMessage verdict = answer(discord, press);
    // In a DM the question itself turns into the verdict.
    assertThat(verdict.id()).isEqualTo(question.id());
    assertThat(verdict.text()).containsAnyOf("Right", "Not quite");
  }

  /**
   * A server channel: the group greeting, the lesson embed, a quiz two members answer (each verdict
   * for the presser alone) and the leaderboard with both, their names escaped.
   */
  public static void serverChannel(DiscordEmulator discord, Person first, Person second)
      throws Exception {
    Place study = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.STUDY);
    String chat = study.channelId();

    BotMessage greeting = answer(discord, discord.slash(first, study, "start", Map.of()));
    assertThat(greeting.text()).contains("This group can study together");
    BotMessage lesson = answer(discord, discord.slash(first, study, "today", Map.of()));
    assertThat(lesson.embeds()).isEqualTo(1);
    assertThat(lesson.ephemeral()).isFalse();

    int mark = discord.mark(chat);
    discord.slash(first, study, "quiz", Map.of());
    BotMessage question =
        discord.await(chat, mark, message -> message.text().contains("Question 3 of 3"));
    assertThat(question.ephemeral()).isFalse();
    for (Person member : List.of(first, second)) {
      Interaction press = discord.press(member, study, question, question.customIds().get(0));
      BotMessage verdict = answer(discord, press);
      assertThat(verdict.ephemeral()).isTrue();
      assertThat(verdict.text()).containsAnyOf("Right", "Not quite");
    }

    BotMessage board = answer(discord, discord.slash(first, study, "progress", Map.of()));
    assertThat(board.text()).contains("Leaderboard", first.name(), escaped(second.name()));
  }

  /**
   * {@code /subscribe} is refused to a member without Manage Server, and in channels where the bot
   * lacks Send Messages or Embed Links, by the permission's name.
   */
  public static void subscribeRefusals(DiscordEmulator discord, Person admin, Person member)
      throws Exception {
    Place daily = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.DAILY);
    BotMessage refused = answer(discord, discord.slash(member, daily, "subscribe", Map.of()));
    assertThat(refused.text()).contains("Only the group's admins can use /subscribe");
    assertThat(refused.ephemeral()).isTrue();

    Place readOnly = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.NO_SEND);
    BotMessage noSend = answer(discord, discord.slash(admin, readOnly, "subscribe", Map.of()));
    assertThat(noSend.text()).contains("missing these permissions", "Send Messages");
    assertThat(noSend.ephemeral()).isTrue();

    Place noEmbeds = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.NO_EMBEDS);
    BotMessage noLinks = answer(discord, discord.slash(admin, noEmbeds, "subscribe", Map.of()));
    assertThat(noLinks.text()).contains("missing these permissions", "Embed Links");
    assertThat(noLinks.text()).doesNotContain("Send Messages");
  }

  /** The gateway connection drops; JDA resumes the session and the bot keeps answering. */
  public static void resumesAfterADroppedConnection(DiscordEmulator discord, Person learner)
      throws Exception {
    int resumes = discord.gatewayResumes();
    int identifies = discord.gatewayIdentifies();
    discord.dropConnection();
    discord.awaitSession(resumes + 1);
    assertThat(discord.gatewayIdentifies()).isEqualTo(identifies);
    Place study = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.STUDY);
    BotMessage help = answer(discord, discord.slash(learner, study, "help", Map.of()));
    assertThat(help.text()).contains("/today");
  }

  /**
   * Discord answers an interaction's callback with 429 and its rate-limit headers: JDA waits the
   * time asked and sends it again, still within the three seconds.
   */
  public static void rateLimitedCallbacksAreRetried(DiscordEmulator discord, Person learner)
      throws Exception {
    discord.rateLimit("/callback", 1);
    Place study = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.STUDY);
    BotMessage help = answer(discord, discord.slash(learner, study, "help", Map.of()));
    assertThat(help.text()).contains("/today");
  }

  /** The bot's first answer to an interaction, which came within Discord's three seconds. */
  public static BotMessage answer(DiscordEmulator discord, Interaction interaction)
      throws InterruptedException {
    BotMessage answer = discord.awaitAnswer(interaction);
    assertThat(interaction.answeredAfter()).isPresent();
    assertThat(interaction.answeredAfter().get()).isLessThan(Duration.ofSeconds(3));
    return answer;
  }

  /** A name as Discord markdown shows it literally. */
  static String escaped(String name) {
    return name.replaceAll("([\\\\*_~`|\\[\\]<>@])", "\\\\$1");
  }
}
