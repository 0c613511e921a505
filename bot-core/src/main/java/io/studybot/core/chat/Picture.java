package io.studybot.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A PNG picture sent with a message, such as a progress chart. The message's text says the same in
 * words, so a platform that refuses the picture loses nothing essential.
 */
public final class Picture {
  private final String fileName;
  private final byte[] png;
  private final String description;

  public Picture(String fileName, byte[] png, String description) {
    this.fileName = requireNonNull(fileName, "fileName");
    this.png = requireNonNull(png, "png").clone();
    this.description = requireNonNull(description, "description");
    if (!fileName.endsWith(".png")) {
      throw new IllegalArgumentException("a picture's file name ends in .png");
    }
  }

  public String fileName() {
    return fileName;
  }

  /** The image bytes; a copy, so nobody changes the picture under another. */
  public byte[] png() {
    return png.clone();
  }

  /** What the picture shows, for alt texts and captions. */
  public String description() {
    return description;
  }
}
