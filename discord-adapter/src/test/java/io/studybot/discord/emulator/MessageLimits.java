package io.studybot.discord.emulator;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * What Discord checks in a message before it accepts it; each finding names the field as Discord's
 * "Invalid Form Body" error does.
 */
final class MessageLimits {
  private MessageLimits() {}

  /** The problems of a message body; empty when Discord would accept it. */
  static List<String> check(DataObject body, boolean mustHaveContent) {
    List<String> problems = new ArrayList<>();
    String content = body.getString("content", "");
    if (content.length() > 2000) {
      problems.add("content: Must be 2000 or fewer in length.");
    }
    DataArray embeds = body.optArray("embeds").orElseGet(DataArray::empty);
    DataArray components = body.optArray("components").orElseGet(DataArray::empty);
    DataArray attachments = body.optArray("attachments").orElseGet(DataArray::empty);
    if (mustHaveContent
        && content.isEmpty()
        && embeds.isEmpty()
        && components.isEmpty()
        && attachments.isEmpty()) {
      problems.add("Cannot send an empty message (50006)");
    }
    checkEmbeds(embeds, problems);
    checkComponents(components, problems);
    return problems;
  }

  private static void checkEmbeds(DataArray embeds, List<String> problems) {
    if (embeds.length() > 10) {
      problems.add("embeds: Must be 10 or fewer in length.");
    }
    int total = 0;
    for (int i = 0; i < embeds.length(); i++) {
      DataObject embed = embeds.getObject(i);
      String at = "embeds." + i;
      total += limit(embed, "title", 256, at, problems);
      total += limit(embed, "description", 4096, at, problems);
      total +=
          embed
              .optObject("footer")
              .map(f -> limit(f, "text", 2048, at + ".footer", problems))
              .orElse(0);
      total +=
          embed
              .optObject("author")
              .map(a -> limit(a, "name", 256, at + ".author", problems))
              .orElse(0);
      DataArray fields = embed.optArray("fields").orElseGet(DataArray::empty);
      if (fields.length() > 25) {
        problems.add(at + ".fields: Must be 25 or fewer in length.");
      }
      for (int f = 0; f < fields.length(); f++) {
        DataObject field = fields.getObject(f);
        String fieldAt = at + ".fields." + f;
        total += required(field, "name", 256, fieldAt, problems);
        total += required(field, "value", 1024, fieldAt, problems);
      }
    }
    if (total > 6000) {
      problems.add("embeds: Embed size exceeds maximum size of 6000");
    }
  }

  private static void checkComponents(DataArray rows, List<String> problems) {
    if (rows.length() > 5) {
      problems.add("components: Must be 5 or fewer in length.");
    }
    for (int r = 0; r < rows.length(); r++) {
      DataObject row = rows.getObject(r);
      String at = "components." + r;
      if (row.getInt("type") != 1) {
        problems.add(at + ".type: only action rows are expected at the top level here");
        continue;
      }
      DataArray buttons = row.getArray("components");
      if (buttons.isEmpty() || buttons.length() > 5) {
        problems.add(at + ".components: Must be between 1 and 5 in length.");
      }
      for (int b = 0; b < buttons.length(); b++) {
        checkButton(buttons.getObject(b), at + ".components." + b, problems);
      }
    }
  }

  private static void checkButton(DataObject button, String at, List<String> problems) {
    if (button.getInt("type") != 2) {
      return;
    }
    limit(button, "label", 80, at, problems);
    boolean link = button.getInt("style") == 5;
    if (link) {
      if (button.isNull("url") || !button.isNull("custom_id")) {
        problems.add(at + ": a link button has a url and no custom_id");
      }
      return;
    }
    required(button, "custom_id", 100, at, problems);
  }

  private static int limit(
      DataObject object, String key, int max, String at, List<String> problems) {
    String value = object.getString(key, "");
    if (value.length() > max) {
      problems.add(at + "." + key + ": Must be " + max + " or fewer in length.");
    }
    return value.length();
  }

  private static int required(
      DataObject object, String key, int max, String at, List<String> problems) {
    if (object.getString(key, "").isEmpty()) {
      problems.add(at + "." + key + ": This field is required");
    }
    return limit(object, key, max, at, problems);
  }
}
