package io.studybot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What the Bot API answered to one call, read from the HTTP answer itself: the status, the {@code
 * ok} flag, the error code, {@code retry_after} and {@code migrate_to_chat_id}, and the raw {@code
 * result}. A call is delivered when the answer was 200 with {@code ok: true}, whether or not its
 * result parses as the library expects.
 */
record BotApiAnswer(
    int httpStatus,
    boolean ok,
    int errorCode,
    String description,
    OptionalInt retryAfterSeconds,
    Optional<String> migrateToChatId,
    @Nullable JsonNode result) {

  boolean delivered() {
    return httpStatus == 200 && ok;
  }

  /** The id of the message the call sent or edited, when its result is a message. */
  Optional<String> messageId() {
    JsonNode id = result == null ? null : result.get("message_id");
    return id == null || !id.canConvertToLong() ? Optional.empty() : Optional.of(id.asText());
  }

  static BotApiAnswer parse(int httpStatus, String body, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      // A proxy's HTML error page or an empty body: only the status tells.
      return new BotApiAnswer(
          httpStatus,
          false,
          httpStatus,
          "HTTP " + httpStatus,
          OptionalInt.empty(),
          Optional.empty(),
          null);
    }
    boolean ok = root.path("ok").asBoolean(false);
    int code = root.path("error_code").asInt(ok ? 0 : httpStatus);
    String description =
        root.hasNonNull("description")
            ? root.get("description").asText()
            : root.path("message").asText("HTTP " + httpStatus);
    JsonNode retry = root.path("parameters").path("retry_after");
    OptionalInt retryAfter =
        retry.canConvertToInt() ? OptionalInt.of(retry.asInt()) : OptionalInt.empty();
    // A group upgraded to a supergroup: the chat lives on under this id.
    JsonNode migrated = root.path("parameters").path("migrate_to_chat_id");
    Optional<String> migrateTo =
        migrated.canConvertToLong() ? Optional.of(migrated.asText()) : Optional.empty();
    return new BotApiAnswer(
        httpStatus, ok, code, description, retryAfter, migrateTo, root.get("result"));
  }
}
