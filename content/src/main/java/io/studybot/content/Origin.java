package io.studybot.content;

/** Where an element was read from, so a lint message can point at the file and line. */
public record Origin(String file, int line) {

  public static final Origin UNKNOWN = new Origin("<memory>", 0);

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
