package io.studybot.content;

/** The kinds of quiz question a curriculum may hold. */
public enum QuestionKind {
  /** Three to five options, one right. */
  SINGLE("single"),
  /** A statement that is fully true or clearly false. */
  TRUE_FALSE("truefalse"),
  /** A snippet with one precise ask: what it prints, which line raises, what is wrong. */
  CODE("code");

  private final String yamlName;

  QuestionKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static QuestionKind fromYaml(String name) {
    for (QuestionKind kind : values()) {
      if (kind.yamlName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
