package io.studybot.core.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.RichText;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Writes a turn's replies as JSON and reads them back, for the inbox: a turn that committed before
 * the process stopped shows the same replies at the next start. Field by field rather than by
 * reflection, so the stored form does not change when a class is renamed.
 */
final class ReplyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplyCodec() {}

  static String write(List<Reply> replies) {
    ArrayNode array = JSON.createArrayNode();
    replies.forEach(reply -> array.add(reply(reply)));
    try {
      return JSON.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("replies could not be written", e);
    }
  }

  static List<Reply> read(String text) {
    try {
      List<Reply> replies = new ArrayList<>();
      for (JsonNode node : JSON.readTree(text)) {
        replies.add(new Reply(chat(node.get("chat")), message(node.get("message"))));
      }
      return replies;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored replies could not be read", e);
    }
  }

  private static ObjectNode reply(Reply reply) {
    ObjectNode node = JSON.createObjectNode();
    node.set("chat", chat(reply.chat()));
    node.set("message", message(reply.message()));
    return node;
  }

  private static ObjectNode chat(ChatRef chat) {
    ObjectNode node = JSON.createObjectNode();
    node.put("platform", chat.platform().name());
    node.put("id", chat.id());
    node.put("kind", chat.kind().name());
    node.put("topic", chat.topic());
    node.put("server", chat.server());
    return node;
  }

  private static ChatRef chat(JsonNode node) {
    return new ChatRef(
        Platform.valueOf(node.get("platform").asText()),
        node.get("id").asText(),
        ChatKind.valueOf(node.get("kind").asText()),
        nullableText(node.get("topic")),
        nullableText(node.get("server")));
  }

  private static ObjectNode message(OutgoingMessage message) {
    ObjectNode node = JSON.createObjectNode();
    node.set("body", body(message.body()));
    ArrayNode rows = node.putArray("buttons");
    for (List<Button> row : message.buttons()) {
      ArrayNode buttons = rows.addArray();
      row.forEach(b -> buttons.addObject().put("label", b.label()).put("payload", b.payload()));
    }
    node.put("visibility", message.visibility().name());
    node.put("replaces", message.replaces().orElse(null));
    message
        .picture()
        .ifPresent(
            p ->
                node.putObject("picture")
                    .put("file", p.fileName())
                    .put("png", Base64.getEncoder().encodeToString(p.png()))
                    .put("description", p.description()));
    return node;
  }

  private static OutgoingMessage message(JsonNode node) {
    List<List<Button>> rows = new ArrayList<>();
    for (JsonNode row : node.get("buttons")) {
      List<Button> buttons = new ArrayList<>();
      row.forEach(b -> buttons.add(new Button(b.get("label").asText(), b.get("payload").asText())));
      rows.add(buttons);
    }
    JsonNode picture = node.get("picture");
    return new OutgoingMessage(
        body(node.get("body")),
        rows,
        OutgoingMessage.Visibility.valueOf(node.get("visibility").asText()),
        Optional.ofNullable(nullableText(node.get("replaces"))),
        picture == null || picture.isNull()
            ? Optional.empty()
            : Optional.of(
                new Picture(
                    picture.get("file").asText(),
                    Base64.getDecoder().decode(picture.get("png").asText()),
                    picture.get("description").asText())));
  }

  private static ArrayNode body(RichText text) {
    ArrayNode blocks = JSON.createArrayNode();
    for (RichText.Block block : text.blocks()) {
      ObjectNode node = blocks.addObject();
      if (block instanceof RichText.Paragraph paragraph) {
        node.set("p", spans(paragraph.spans()));
      } else if (block instanceof RichText.BulletList list) {
        ArrayNode items = node.putArray("ul");
        list.items().forEach(item -> items.add(spans(item)));
      } else if (block instanceof RichText.CodeBlock code) {
        node.put("code", code.code());
      }
    }
    return blocks;
  }

  private static RichText body(JsonNode node) {
    List<RichText.Block> blocks = new ArrayList<>();
    for (JsonNode block : node) {
      if (block.has("p")) {
        blocks.add(new RichText.Paragraph(spans(block.get("p"))));
      } else if (block.has("ul")) {
        List<List<RichText.Span>> items = new ArrayList<>();
        block.get("ul").forEach(item -> items.add(spans(item)));
        blocks.add(new RichText.BulletList(items));
      } else {
        blocks.add(new RichText.CodeBlock(block.get("code").asText()));
      }
    }
    return new RichText(blocks);
  }

  private static ArrayNode spans(List<RichText.Span> spans) {
    ArrayNode array = JSON.createArrayNode();
    for (RichText.Span span : spans) {
      ObjectNode node = array.addObject().put("t", span.text());
      if (span instanceof RichText.Bold) {
        node.put("s", "b");
      } else if (span instanceof RichText.InlineCode) {
        node.put("s", "code");
      } else if (span instanceof RichText.Link link) {
        node.put("s", "link").put("url", link.url());
      }
    }
    return array;
  }

  private static List<RichText.Span> spans(JsonNode node) {
    List<RichText.Span> spans = new ArrayList<>();
    for (JsonNode span : node) {
      String text = span.get("t").asText();
      String style = span.path("s").asText("");
      spans.add(
          switch (style) {
            case "b" -> new RichText.Bold(text);
            case "code" -> new RichText.InlineCode(text);
            case "link" -> new RichText.Link(text, span.get("url").asText());
            default -> new RichText.Plain(text);
          });
    }
    return spans;
  }

  private static @org.jspecify.annotations.Nullable String nullableText(
      @org.jspecify.annotations.Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
