package io.studybot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lint rule, broken on purpose in a copy of a valid fixture, is reported with file and line.
 */
class LintRulesTest {
  private static final Path VALID = Path.of("src/test/resources/lint/valid");
  private static final String UNIT = "units/unit.yaml";

  @TempDir Path dir;

  @Test
  void theValidFixturePasses() throws IOException {
    Lint lint = lint(unit -> unit);
    assertThat(lint.code).isZero();
    assertThat(lint.out).contains("topics: 1, questions: 4, code questions: 2");
  }

  @Test
  void duplicateTopicId() throws IOException {
    assertReports(
        unit -> unit + unit.substring(unit.indexOf("  - id: py-names")),
        "units/unit.yaml:106: duplicate topic id 'py-names-and-objects' (first at units/unit.yaml:2)");
  }

  @Test
  void duplicateQuestionId() throws IOException {
    assertReports(
        unit -> unit.replace("id: is-vs-eq", "id: alias-append"),
        "units/unit.yaml:64: duplicate question id 'alias-append' in topic 'py-names-and-objects'");
  }

  @Test
  void missingLanguage() throws IOException {
    assertReports(
        unit -> unit.replace("      en: Variables are names, not boxes\n", ""),
        "units/unit.yaml:4: topic 'py-names-and-objects' title is missing language 'en'");
  }

  @Test
  void noCorrectOption() throws IOException {
    assertReports(
        unit -> unit.replaceFirst("\\n            correct: true", ""),
        "units/unit.yaml:45: question 'py-names-and-objects/alias-append' has 0 correct options; exactly one is needed");
  }

  @Test
  void twoCorrectOptions() throws IOException {
    assertReports(
        unit ->
            unit.replace(
                "          - text: TypeError\n",
                "          - text: TypeError\n            correct: true\n"),
        "has 2 correct options; exactly one is needed");
  }

  @Test
  void emptyExplanation() throws IOException {
    assertReports(
        unit ->
            unit.replaceFirst(
                "(?s)(id: is-vs-eq.*?explanation:\\n)\\s+zh: [^\\n]*\\n\\s+en: [^\\n]*\\n",
                "$1          zh: \"\"\n          en: \"\"\n"),
        "units/unit.yaml:64: question 'py-names-and-objects/is-vs-eq' has an empty explanation");
  }

  @Test
  void danglingPrerequisite() throws IOException {
    assertReports(
        unit -> unit.replace("    seed: ", "    requires: [py-nowhere]\n    seed: "),
        "units/unit.yaml:2: topic 'py-names-and-objects' requires unknown topic 'py-nowhere'");
  }

  @Test
  void cyclicPrerequisites() throws IOException {
    assertReports(
        unit -> {
          String topic = unit.substring(unit.indexOf("  - id: py-names"));
          String other = topic.replace("id: py-names-and-objects", "id: py-other");
          return unit.replace("    seed: ", "    requires: [py-other]\n    seed: ")
              + other.replace("    seed: ", "    requires: [py-names-and-objects]\n    seed: ");
        },
        "cyclic prerequisites: py-names-and-objects -> py-other -> py-names-and-objects");
  }

  @Test
  void overLongExplanation() throws IOException {
    assertReports(
        unit -> unit.replace("`None` 是单例，", "`None` 是单例，" + "很长".repeat(100)),
        "units/unit.yaml:64: question 'py-names-and-objects/is-vs-eq' explanation has");
  }

  @Test
  void overLongLesson() throws IOException {
    assertReports(
        unit -> unit.replace("理解 Python 的对象模型", "理解".repeat(500) + " Python 的对象模型"),
        "units/unit.yaml:2: topic 'py-names-and-objects' lesson has");
  }

  @Test
  void malformedYaml() throws IOException {
    assertReports(unit -> unit.replace("    seed: 学习路径", "    seed: [学习路径"), "units/unit.yaml:");
    assertThat(lint(unit -> unit.replace("    seed: 学习路径", "    seed: [学习路径")).out)
        .contains("malformed YAML");
  }

  @Test
  void unknownKeyAndDuplicateKey() throws IOException {
    assertReports(
        unit -> unit.replace("    seed: ", "    sead: typo\n    seed: "),
        "units/unit.yaml:6: unknown key 'sead' in topic");
    assertReports(
        unit -> unit.replace("    seed: ", "    seed: one\n    seed: "),
        "units/unit.yaml:7: duplicate key 'seed' in topic");
  }

  @Test
  void theValidFixtureIsBalanced() throws IOException {
    Lint lint = lint(unit -> unit);
    assertThat(lint.out)
        .contains("quiz balance: multiple-choice 3, right strictly longest zh 0% en 0%")
        .contains("true/false 1, true 0%")
        .doesNotContain("OVER");
  }

  @Test
  void rightChoicesThatAreTheLongestAreReported() throws IOException {
    Lint lint =
        lint(
            unit ->
                unit.replace("- text: \"[1, 2, 3]\"", "- text: \"[1, 2, 3] because y is x\"")
                    .replace(
                        "- text: \"result is None\"", "- text: \"result is None, the singleton\"")
                    .replace("- text: \"hi hi!\"", "- text: \"hi hi! (s unchanged)\""));
    assertThat(lint.code).isEqualTo(1);
    assertThat(lint.out)
        .contains(
            "units/unit.yaml: the right choice is the strictly longest in 3 of 3 multiple-choice"
                + " questions (en, 100%); at most 30%")
        .contains("quiz balance over the limits in 1 unit(s)");
  }

  @Test
  void trueFalseAnswersOutOfBalanceAreReported() throws IOException {
    Lint lint = lint(unit -> withCopies(unit, 4)); // five topics, each with one false statement
    assertThat(lint.out).contains("true/false 5, true 0%");
    assertThat(lint.code).isEqualTo(1);
    assertThat(lint.out).contains("0 of 5 true/false answers are true (0%); keep within 40-60%");
  }

  @Test
  void aCurriculumMaySetItsOwnLimits() throws IOException {
    Files.createDirectories(dir.resolve("units"));
    Files.writeString(
        dir.resolve("curriculum.yaml"),
        Files.readString(VALID.resolve("curriculum.yaml"))
            + "quiz_limits: {longest_right_max: 1, true_min: 0, true_max: 1}\n");
    String unit = Files.readString(VALID.resolve(UNIT));
    Files.writeString(
        dir.resolve(UNIT),
        unit.replace("- text: \"[1, 2, 3]\"", "- text: \"[1, 2, 3] because y is x\"")
            + unit.substring(unit.indexOf("  - id: py-names"))
                .replace("py-names-and-objects", "py-names-two"));
    Lint lint = run(dir);
    assertThat(lint.code).as(lint.out).isZero();
    Files.writeString(
        dir.resolve("curriculum.yaml"),
        Files.readString(VALID.resolve("curriculum.yaml")) + "quiz_limits: {true_min: 2}\n");
    assertThat(run(dir).out).contains("quiz_limits true_min must be a share from 0 to 1");
  }

  @Test
  void missingUnitFile() throws IOException {
    Files.createDirectories(dir.resolve("units"));
    Files.writeString(
        dir.resolve("curriculum.yaml"),
        Files.readString(VALID.resolve("curriculum.yaml"))
            .replace("units/unit.yaml", "units/gone.yaml"));
    Lint lint = run(dir);
    assertThat(lint.code).isEqualTo(1);
    assertThat(lint.out).contains("curriculum.yaml:4: unit file 'units/gone.yaml' does not exist");
  }

  /** The unit with {@code copies} more copies of its topic under other ids. */
  private static String withCopies(String unit, int copies) {
    String topic = unit.substring(unit.indexOf("  - id: py-names"));
    StringBuilder more = new StringBuilder(unit);
    for (int i = 1; i <= copies; i++) {
      more.append(topic.replace("py-names-and-objects", "py-names-" + i));
    }
    return more.toString();
  }

  private void assertReports(UnaryOperator<String> breakIt, String message) throws IOException {
    Lint lint = lint(breakIt);
    assertThat(lint.code).as(lint.out).isEqualTo(1);
    assertThat(lint.out).contains(message).contains("problem(s) in");
  }

  private record Lint(int code, String out) {}

  private Lint lint(UnaryOperator<String> breakIt) throws IOException {
    Files.createDirectories(dir.resolve("units"));
    Files.copy(
        VALID.resolve("curriculum.yaml"),
        dir.resolve("curriculum.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve(UNIT), breakIt.apply(Files.readString(VALID.resolve(UNIT))));
    return run(dir);
  }

  private static Lint run(Path folder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = new ContentCommand(print, print).run(List.of("lint", folder.toString()));
    return new Lint(code, out.toString(StandardCharsets.UTF_8));
  }
}
