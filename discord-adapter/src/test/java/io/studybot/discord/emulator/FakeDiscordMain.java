package io.studybot.discord.emulator;

import io.studybot.discord.emulator.DiscordEmulator.BotMessage;
import io.studybot.discord.emulator.DiscordEmulator.Person;
import io.studybot.discord.emulator.DiscordEmulator.Place;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake Discord for local development: start it, start the bot with the two settings it prints,
 * then type commands as a user would, and watch what the bot shows. See the README's Discord
 * section.
 */
public final class FakeDiscordMain {
  private static final Person YOU = Person.admin("4001", "You", "en-US");

  private FakeDiscordMain() {}

  public static void main(String[] args) throws Exception {
    try (DiscordEmulator discord = DiscordEmulator.start()) {
      Map<String, BotMessage> last = new LinkedHashMap<>();
      discord.watch(
          message -> {
            last.put(message.channelId(), message);
            System.out.println(
                "["
                    + message.how()
                    + (message.ephemeral() ? ", only you" : "")
                    + "] "
                    + message.text().strip()
                    + (message.customIds().isEmpty() ? "" : "\n  buttons: " + message.customIds()));
          });
      System.out.println("Fake Discord is up. Start the bot in another terminal with:");
      System.out.println("  DISCORD_BOT_TOKEN='" + DiscordEmulator.TOKEN + "' \\");
      System.out.println(
          "  DISCORD_API_URL=" + discord.apiUrl() + " java -jar bot-app/target/studybot.jar");
      System.out.println(
          "Then type: dm|study /command [name=value ...], press dm|study BUTTON_ID, drop, quit");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.strip().equals("quit")) {
        try {
          run(discord, last, line.strip().split("\\s+"));
        } catch (RuntimeException | AssertionError e) {
          System.out.println("? " + e.getMessage());
        }
      }
    }
  }

  private static void run(DiscordEmulator discord, Map<String, BotMessage> last, String[] words) {
    if (words[0].equals("drop")) {
      discord.dropConnection();
      return;
    }
    if (words.length < 2) {
      throw new IllegalArgumentException("dm|study /command, or press dm|study BUTTON_ID");
    }
    boolean press = words[0].equals("press");
    Place place = place(discord, press ? words[1] : words[0]);
    if (press) {
      BotMessage message = last.get(place.channelId());
      if (message == null || words.length < 3) {
        throw new IllegalArgumentException("nothing to press there yet");
      }
      discord.press(YOU, place, message, words[2]);
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 2; i < words.length; i++) {
      String[] pair = words[i].split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "");
    }
    discord.slash(YOU, place, words[1].replaceFirst("^/", ""), options);
  }

  private static Place place(DiscordEmulator discord, String name) {
    return switch (name) {
      case "dm" -> discord.dmOf(YOU);
      case "study" -> Place.channel(DiscordEmulator.SERVER, DiscordEmulator.STUDY);
      default -> throw new IllegalArgumentException("places: dm, study");
    };
  }
}
