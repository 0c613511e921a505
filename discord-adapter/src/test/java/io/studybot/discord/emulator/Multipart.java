package io.studybot.discord.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The {@code payload_json} part of a multipart/form-data request, as JDA sends one with files. */
final class Multipart {
  private Multipart() {}

  static Optional<String> payloadJson(String contentType, byte[] body) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return Optional.empty();
    }
    String boundary = "--" + contentType.substring(at + "boundary=".length()).replace("\"", "");
    // ISO-8859-1 maps bytes one to one, so binary file parts cannot break the search.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0 || !part.substring(0, headersEnd).contains("name=\"payload_json\"")) {
        continue;
      }
      String value = part.substring(headersEnd + 4);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      }
      return Optional.of(
          new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }
}
