package io.studybot.discord.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.conversation.StudyBot;
import io.studybot.core.conversation.StudyRules;
import io.studybot.core.persistence.Database;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.testing.TestCurriculum;
import io.studybot.core.testing.TestDatabases;
import io.studybot.discord.DiscordAdapter;
import io.studybot.discord.DiscordSettings;
import io.studybot.discord.emulator.DiscordEmulator.Person;
import io.studybot.discord.emulator.DiscordEmulator.Place;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JDA, unmodified, logs in to the fake and answers a slash command over the wire. */
class DiscordEmulatorTest {

  @Test
  void jdaConnectsRegistersAndAnswers() throws Exception {
    try (DiscordEmulator discord = DiscordEmulator.start();
        Database database = Database.open(TestDatabases.h2())) {
      StudyBot bot =
          new StudyBot(
              new HibernateStudyStore(database),
              TestCurriculum.create(),
              StudyRules.DEFAULT,
              Clock.systemUTC());
      DiscordSettings settings =
          new DiscordSettings(
              DiscordEmulator.TOKEN, Optional.empty(), Optional.empty(), discord.apiUrl());
      try (DiscordAdapter adapter = DiscordAdapter.start(settings, bot, noLifecycle())) {
        discord.awaitCommands();
        Place study = Place.channel(DiscordEmulator.SERVER, DiscordEmulator.STUDY);
        discord.slash(Person.member("2001", "Ada", "en-US"), study, "today", Map.of());
        DiscordEmulator.BotMessage lesson = discord.awaitText(DiscordEmulator.STUDY, "Day 1 of");
        assertThat(lesson.embeds()).isEqualTo(1);
        assertThat(discord.refusals()).isEmpty();
      }
    }
  }

  private static ChatLifecycle noLifecycle() {
    return new ChatLifecycle() {
      @Override
      public void chatGone(ChatRef chat) {}

      @Override
      public void chatMoved(ChatRef from, String newChatId) {}

      @Override
      public void serverGone(Platform platform, String server) {}
    };
  }
}
