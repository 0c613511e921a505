package io.studybot.content;

/** One thing wrong with a curriculum, pointing at the file and line (1-based) that holds it. */
public record ContentProblem(String file, int line, String message) {

  public static ContentProblem at(Origin origin, String message) {
    return new ContentProblem(origin.file(), origin.line(), message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
