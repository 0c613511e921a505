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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adapter with JDA, unmodified, against the fake Discord over the wire: login, command
 * registration, interactions answered in DMs and server channels, lifecycle events, a resumed
 * session. bot-app's {@code DiscordJarIT} plays the same scenarios against the built jar.
 */
class DiscordEmulatorTest {

  @Test
  void theAdapterServesDiscordOverTheWire() throws Exception {
    List<String> gone = new ArrayList<>();
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
      try (DiscordAdapter adapter = DiscordAdapter.start(settings, bot, recording(gone))) {
        DiscordScenarios.commandsAreLocalized(discord);
        DiscordScenarios.directMessages(discord, Person.member("2001", "Grace", "en-US"));
        DiscordScenarios.serverChannel(
            discord,
            Person.member("2002", "Ada", "en-US"),
            Person.member("2003", "Eve_*star*", "en-US"));
        DiscordScenarios.subscribeRefusals(
            discord, Person.admin("2004", "Alan", "en-US"), Person.member("2005", "Bob", "en-US"));
        DiscordScenarios.rateLimitedCallbacksAreRetried(
            discord, Person.member("2007", "Ken", "en-US"));
        DiscordScenarios.resumesAfterADroppedConnection(
            discord, Person.member("2006", "Linus", "en-US"));

        discord.deleteChannel(DiscordEmulator.SERVER, DiscordEmulator.OLD_STUDY);
        discord.leaveServer(DiscordEmulator.OTHER_SERVER);
        awaitSize(gone, 2);
        assertThat(gone)
            .containsExactly(
                "chat " + DiscordEmulator.OLD_STUDY, "server " + DiscordEmulator.OTHER_SERVER);
        assertThat(discord.refusals()).isEmpty();
      }
    }
  }

  private static void awaitSize(List<String> list, int size) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      synchronized (list) {
        if (list.size() >= size) {
          return;
        }
      }
      Thread.sleep(10);
    }
  }

  private static ChatLifecycle recording(List<String> gone) {
    return new ChatLifecycle() {
      @Override
      public void chatGone(ChatRef chat) {
        synchronized (gone) {
          gone.add("chat " + chat.id());
        }
      }

      @Override
      public void chatMoved(ChatRef from, String newChatId) {}

      @Override
      public void serverGone(Platform platform, String server) {
        synchronized (gone) {
          gone.add("server " + server);
        }
      }
    };
  }
}
