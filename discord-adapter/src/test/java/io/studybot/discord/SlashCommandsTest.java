package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {
  private final PlatformUser ada = new PlatformUser(Platform.DISCORD, "1", "Ada", Optional.empty());
  private final ChatRef dm = new ChatRef(Platform.DISCORD, "1", ChatKind.PRIVATE);

  @Test
  void everyCoreCommandIsASlashCommandNamedInEnglishAndChinese() {
    List<SlashCommandData> commands = SlashCommands.commandData();

    assertThat(commands)
        .extracting(SlashCommandData::getName)
        .containsExactlyInAnyOrder(
            "start",
            "help",
            "today",
            "quiz",
            "next",
            "skip",
            "progress",
            "topics",
            "settings",
            "pause",
            "resume",
            "forget",
            "subscribe",
            "unsubscribe",
            "review",
            "link",
            "unlink",
            "privacy",
            "placement");
    assertThat(commands)
        .allSatisfy(
            command -> {
              assertThat(command.getNameLocalizations().get(DiscordLocale.CHINESE_CHINA))
                  .isNotBlank();
              assertThat(command.getNameLocalizations().get(DiscordLocale.ENGLISH_US))
                  .isEqualTo(command.getName());
              assertThat(command.getDescriptionLocalizations().get(DiscordLocale.CHINESE_CHINA))
                  .isNotBlank();
            });
  }

  @Test
  void subscribingIsForServerManagersInServersOnly() {
    SlashCommandData subscribe =
        SlashCommands.commandData().stream()
            .filter(c -> c.getName().equals("subscribe"))
            .findFirst()
            .orElseThrow();

    assertThat(subscribe.getContexts())
        .containsExactly(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD);
    assertThat(subscribe.getDefaultPermissions().getPermissionsRaw())
        .isEqualTo(net.dv8tion.jda.api.Permission.MANAGE_SERVER.getRawValue());
  }

  @Test
  void settingsOptionsBecomeOneCommandEachInTheCoresOrder() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("lesson", "08:30");
    options.put("zone", "Europe/Berlin");

    List<IncomingEvent.Command> commands =
        SlashCommands.toCommands("settings", options, ada, dm, false);

    assertThat(commands)
        .extracting(IncomingEvent.Command::args)
        .containsExactly(List.of("zone", "Europe/Berlin"), List.of("lesson", "08:30"));
  }

  @Test
  void settingsWithoutOptionsShowsTheSettings() {
    assertThat(SlashCommands.toCommands("settings", Map.of(), ada, dm, false))
        .singleElement()
        .satisfies(c -> assertThat(c.args()).isEmpty());
  }

  @Test
  void topicsTakesThePhaseNumber() {
    assertThat(SlashCommands.toCommands("topics", Map.of("phase", "2"), ada, dm, false))
        .singleElement()
        .satisfies(c -> assertThat(c.args()).containsExactly("2"));
  }

  @Test
  void linkTakesTheCodeAndPrivacyItsSwitch() {
    assertThat(SlashCommands.toCommands("link", Map.of("code", " ab3k9z "), ada, dm, false))
        .singleElement()
        .satisfies(command -> assertThat(command.args()).containsExactly("ab3k9z"));
    assertThat(SlashCommands.toCommands("link", Map.of(), ada, dm, false))
        .singleElement()
        .satisfies(command -> assertThat(command.args()).isEmpty());
    assertThat(SlashCommands.toCommands("privacy", Map.of("hidden", "true"), ada, dm, false))
        .singleElement()
        .satisfies(command -> assertThat(command.args()).containsExactly("on"));
    assertThat(SlashCommands.toCommands("privacy", Map.of("hidden", "false"), ada, dm, false))
        .singleElement()
        .satisfies(command -> assertThat(command.args()).containsExactly("off"));
  }

  @Test
  void subscribeOptionsBecomeTheCoresArgumentsInItsOrder() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("zone", "Europe/Berlin");
    options.put("quiz", "20:00");
    options.put("lesson", "08:00");
    ChatRef channel = new ChatRef(Platform.DISCORD, "700", ChatKind.GROUP);

    assertThat(SlashCommands.toCommands("subscribe", options, ada, channel, true))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.args()).containsExactly("08:00", "20:00", "Europe/Berlin");
              assertThat(c.senderIsChatAdmin()).isTrue();
            });
  }

  @Test
  void zonesAreSuggestedFromIanaIds() {
    List<Command.Choice> choices = SlashCommands.suggest("zone", "berl");

    assertThat(choices).extracting(Command.Choice::getAsString).contains("Europe/Berlin");
    assertThat(SlashCommands.suggest("zone", "")).hasSize(25);
  }

  @Test
  void timesAreSuggestedAsHoursAndMinutesIncludingTheOneTyped() {
    assertThat(SlashCommands.suggest("lesson", "8:15"))
        .extracting(Command.Choice::getAsString)
        .first()
        .isEqualTo("08:15");
    assertThat(SlashCommands.suggest("quiz", "21"))
        .extracting(Command.Choice::getAsString)
        .containsExactly("21:00", "21:30");
  }

  @Test
  void shardRangesAreReadAndChecked() {
    assertThat(ShardRange.parse("0-3/8")).isEqualTo(new ShardRange(0, 3, 8));
    assertThatThrownBy(() -> ShardRange.parse("4-9/8")).hasMessageContaining("0 <= FIRST");
    assertThatThrownBy(() -> ShardRange.parse("two")).hasMessageContaining("0-3/8");
  }

  @Test
  void theInviteLinkAsksForBothScopesAndTheLeastPermissionsTheReadmeNames() {
    assertThat(CommandRegistrar.inviteUrl("123"))
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id=123"
                + "&scope=bot%20applications.commands&permissions=274877926400");
  }

  @Test
  void settingsNeverShowTheToken() {
    DiscordSettings settings =
        new DiscordSettings(
            "MTIz.secret", Optional.of("99"), Optional.of(ShardRange.parse("0-1/2")));

    assertThat(settings.toString()).doesNotContain("secret").contains("99", "0-1/2");
  }
}
