package io.studybot.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a curriculum folder: {@code curriculum.yaml} names the phases and, for each, the unit files
 * that hold its topics in order. Shape errors are collected as problems, never thrown.
 */
final class YamlCurriculumReader {
  static final String INDEX_FILE = "curriculum.yaml";

  private static final Set<String> CURRICULUM_KEYS = Set.of("id", "title", "phases", "quiz_limits");
  private static final Set<String> LIMIT_KEYS = Set.of("longest_right_max", "true_min", "true_max");
  private static final Set<String> PHASE_KEYS = Set.of("id", "title", "units");
  private static final Set<String> UNIT_KEYS = Set.of("topics");
  private static final Set<String> TOPIC_KEYS =
      Set.of("id", "title", "seed", "requires", "lesson", "questions");
  private static final Set<String> LESSON_KEYS = Set.of("intro", "points", "code", "links");
  private static final Set<String> LINK_KEYS = Set.of("title", "url");
  private static final Set<String> QUESTION_KEYS =
      Set.of("id", "kind", "prompt", "code", "choices", "answer", "explanation");
  private static final Set<String> CHOICE_KEYS = Set.of("text", "correct", "pinned");

  private final CurriculumSource source;
  private final List<ContentProblem> problems = new ArrayList<>();

  YamlCurriculumReader(CurriculumSource source) {
    this.source = source;
  }

  List<ContentProblem> problems() {
    return problems;
  }

  Optional<Curriculum> read() {
    Optional<YamlNode> index = parse(INDEX_FILE);
    if (index.isEmpty() || !index.get().isMapping("curriculum", CURRICULUM_KEYS)) {
      return Optional.empty();
    }
    YamlNode root = index.get();
    String id = root.required("id", "curriculum").text("curriculum id");
    LocalizedText title = root.required("title", "curriculum").localized("curriculum title");
    List<Phase> phases =
        root.required("phases", "curriculum").items("phases").stream().map(this::phase).toList();
    QuizLimits limits =
        root.field("quiz_limits").map(YamlCurriculumReader::limits).orElse(QuizLimits.DEFAULT);
    return Optional.of(new Curriculum(id, title, phases, limits));
  }

  /** {@code quiz_limits: {longest_right_max: 0.3, true_min: 0.4, true_max: 0.6}}, any may go. */
  private static QuizLimits limits(YamlNode node) {
    QuizLimits defaults = QuizLimits.DEFAULT;
    if (!node.isMapping("quiz_limits", LIMIT_KEYS)) {
      return defaults;
    }
    double longest = share(node, "longest_right_max", defaults.longestRightMax());
    double min = share(node, "true_min", defaults.trueMin());
    double max = share(node, "true_max", defaults.trueMax());
    if (min > max) {
      node.problem("quiz_limits: true_min is above true_max");
      return defaults;
    }
    return new QuizLimits(longest, min, max);
  }

  private static double share(YamlNode node, String key, double otherwise) {
    Optional<YamlNode> value = node.field(key);
    if (value.isEmpty()) {
      return otherwise;
    }
    String text = value.get().text("quiz_limits " + key);
    try {
      double share = Double.parseDouble(text);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    value.get().problem("quiz_limits " + key + " must be a share from 0 to 1, such as 0.3");
    return otherwise;
  }

  private Phase phase(YamlNode node) {
    if (!node.isMapping("phase", PHASE_KEYS)) {
      return new Phase("", LocalizedText.same(""), List.of());
    }
    String id = node.required("id", "phase").text("phase id");
    LocalizedText title = node.required("title", "phase").localized("phase title");
    List<Topic> topics = new ArrayList<>();
    for (String unit : node.required("units", "phase").texts("phase units")) {
      topics.addAll(unit(unit, node));
    }
    return new Phase(id, title, topics);
  }

  private List<Topic> unit(String fileName, YamlNode phaseNode) {
    if (fileName.isBlank()) {
      return List.of();
    }
    Optional<InputStream> stream = source.open(fileName);
    if (stream.isEmpty()) {
      phaseNode.problem("unit file '" + fileName + "' does not exist");
      return List.of();
    }
    Optional<YamlNode> unit = parse(fileName, stream.get());
    if (unit.isEmpty() || !unit.get().isMapping("unit", UNIT_KEYS)) {
      return List.of();
    }
    return unit.get().required("topics", "unit").items("topics").stream()
        .map(this::topic)
        .flatMap(Optional::stream)
        .toList();
  }

  private Optional<Topic> topic(YamlNode node) {
    if (!node.isMapping("topic", TOPIC_KEYS)) {
      return Optional.empty();
    }
    String id = node.required("id", "topic").text("topic id");
    String what = "topic '" + id + "'";
    LocalizedText title = node.required("title", what).localized(what + " title");
    List<String> seeds = node.required("seed", what).texts(what + " seed");
    List<String> requires =
        node.field("requires").map(value -> value.texts(what + " requires")).orElse(List.of());
    Lesson lesson = lesson(node.required("lesson", what), what);
    List<Question> questions =
        node.required("questions", what).items(what + " questions").stream()
            .map(question -> question(question, id))
            .flatMap(Optional::stream)
            .toList();
    return Optional.of(new Topic(id, title, seeds, requires, lesson, questions, node.origin()));
  }

  private Lesson lesson(YamlNode node, String topic) {
    String what = topic + " lesson";
    if (!node.isMapping(what, LESSON_KEYS)) {
      return new Lesson(LocalizedText.same(""), List.of(), Optional.empty(), List.of());
    }
    LocalizedText intro = node.required("intro", what).localized(what + " intro");
    List<LocalizedText> points =
        node.required("points", what).items(what + " points").stream()
            .map(point -> point.localized(what + " point"))
            .toList();
    Optional<LocalizedText> code =
        node.field("code").map(value -> value.localizedOrNeutral(what + " code"));
    List<Link> links =
        node.required("links", what).items(what + " links").stream()
            .map(link -> link(link, what))
            .toList();
    return new Lesson(intro, points, code, links);
  }

  private Link link(YamlNode node, String lesson) {
    String what = lesson + " link";
    if (!node.isMapping(what, LINK_KEYS)) {
      return new Link(LocalizedText.same(""), "");
    }
    LocalizedText title = node.required("title", what).localizedOrNeutral(what + " title");
    return new Link(title, node.required("url", what).text(what + " url"));
  }

  private Optional<Question> question(YamlNode node, String topicId) {
    if (!node.isMapping("question", QUESTION_KEYS)) {
      return Optional.empty();
    }
    String id = node.required("id", "question").text("question id");
    String what = "question '" + topicId + "/" + id + "'";
    QuestionKind kind = kind(node.required("kind", what), what);
    LocalizedText prompt = node.required("prompt", what).localized(what + " prompt");
    Optional<String> code = node.field("code").map(value -> value.text(what + " code"));
    List<Choice> choices =
        kind == QuestionKind.TRUE_FALSE ? trueFalseChoices(node, what) : listedChoices(node, what);
    LocalizedText explanation = node.required("explanation", what).localized(what + " explanation");
    return Optional.of(new Question(id, kind, prompt, code, choices, explanation, node.origin()));
  }

  private static QuestionKind kind(YamlNode node, String what) {
    String name = node.text(what + " kind");
    try {
      return QuestionKind.fromYaml(name);
    } catch (IllegalArgumentException e) {
      node.problem(what + " has unknown kind '" + name + "'; use single, truefalse or code");
      return QuestionKind.SINGLE;
    }
  }

  /** A true/false question states its answer; its two options are the same for every question. */
  private static List<Choice> trueFalseChoices(YamlNode node, String what) {
    if (node.field("choices").isPresent()) {
      node.problem(what + " is true/false: give 'answer', not 'choices'");
    }
    boolean answer = node.required("answer", what).bool(what + " answer").orElse(true);
    return List.of(
        new Choice(new LocalizedText("正确", "True"), answer),
        new Choice(new LocalizedText("错误", "False"), !answer));
  }

  private static List<Choice> listedChoices(YamlNode node, String what) {
    if (node.field("answer").isPresent()) {
      node.problem(what + " has 'answer', which only true/false questions take");
    }
    return node.required("choices", what).items(what + " choices").stream()
        .map(choice -> choice(choice, what))
        .toList();
  }

  private static Choice choice(YamlNode node, String question) {
    String what = question + " choice";
    if (!node.isMapping(what, CHOICE_KEYS)) {
      return new Choice(LocalizedText.same(""), false);
    }
    LocalizedText text = node.required("text", what).localizedOrNeutral(what + " text");
    boolean correct =
        node.field("correct").flatMap(value -> value.bool(what + " correct")).orElse(false);
    boolean pinned =
        node.field("pinned").flatMap(value -> value.bool(what + " pinned")).orElse(false);
    return new Choice(text, correct, pinned);
  }

  private Optional<YamlNode> parse(String fileName) {
    Optional<InputStream> stream = source.open(fileName);
    if (stream.isEmpty()) {
      problems.add(new ContentProblem(fileName, 0, "file not found in " + source.describe()));
      return Optional.empty();
    }
    return parse(fileName, stream.get());
  }

  private Optional<YamlNode> parse(String fileName, InputStream stream) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by YamlNode with a line, not thrown
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      Node node = new Yaml(options).compose(reader);
      if (node == null) {
        problems.add(new ContentProblem(fileName, 1, "file is empty"));
        return Optional.empty();
      }
      return Optional.of(new YamlNode(node, fileName, problems));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      problems.add(new ContentProblem(fileName, line, "malformed YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      problems.add(new ContentProblem(fileName, 0, "malformed YAML: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }
}
