package io.studybot.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node read with its position, so every shape error becomes a problem with file and line
 * instead of an exception. Missing or malformed values come back empty after the problem is noted.
 */
final class YamlNode {
  private final Node node;
  private final String file;
  private final List<ContentProblem> problems;

  YamlNode(Node node, String file, List<ContentProblem> problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
  }

  Origin origin() {
    return new Origin(file, node.getStartMark().getLine() + 1);
  }

  void problem(String message) {
    problems.add(ContentProblem.at(origin(), message));
  }

  /** Checks this is a mapping with no duplicate and no unknown keys. */
  boolean isMapping(String what, Set<String> allowedKeys) {
    if (!(node instanceof MappingNode mapping)) {
      problem(what + " must be a mapping");
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = child(tuple.getKeyNode());
      String name = key.scalarOrEmpty();
      if (!seen.add(name)) {
        key.problem("duplicate key '" + name + "' in " + what);
      } else if (!allowedKeys.contains(name)) {
        key.problem("unknown key '" + name + "' in " + what + "; allowed: " + allowedKeys);
      }
    }
    return true;
  }

  Optional<YamlNode> field(String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (key.equals(child(tuple.getKeyNode()).scalarOrEmpty())) {
          return Optional.of(child(tuple.getValueNode()));
        }
      }
    }
    return Optional.empty();
  }

  YamlNode required(String key, String what) {
    return field(key)
        .orElseGet(
            () -> {
              problem(what + " is missing '" + key + "'");
              return new YamlNode(
                  new ScalarNode(Tag.STR, "", node.getStartMark(), null, null),
                  file,
                  new ArrayList<>());
            });
  }

  /** A non-empty text; notes a problem and returns "" otherwise. */
  String text(String what) {
    if (!(node instanceof ScalarNode scalar)) {
      problem(what + " must be text");
      return "";
    }
    if (scalar.getValue().isBlank()) {
      problem(what + " is empty");
    }
    return scalar.getValue();
  }

  /** A text in both languages: a mapping with non-empty {@code zh} and {@code en}. */
  LocalizedText localized(String what) {
    if (!isMapping(what, Set.of("zh", "en"))) {
      return LocalizedText.same("");
    }
    String zh = languageText("zh", what);
    String en = languageText("en", what);
    return new LocalizedText(zh, en);
  }

  /** Like {@link #localized} but a plain text is taken as language-neutral (code, numbers). */
  LocalizedText localizedOrNeutral(String what) {
    return node instanceof ScalarNode ? LocalizedText.same(text(what)) : localized(what);
  }

  private String languageText(String language, String what) {
    Optional<YamlNode> value = field(language);
    if (value.isEmpty()) {
      problem(what + " is missing language '" + language + "'");
      return "";
    }
    return value.get().text(what + " (" + language + ")");
  }

  List<YamlNode> items(String what) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(what + " must be a list");
      return List.of();
    }
    return sequence.getValue().stream().map(this::child).toList();
  }

  /** A list of texts; a single text counts as a list of one. */
  List<String> texts(String what) {
    if (node instanceof ScalarNode) {
      return List.of(text(what));
    }
    return items(what).stream().map(item -> item.text(what)).toList();
  }

  Optional<Boolean> bool(String what) {
    String value = scalarOrEmpty();
    if (value.equals("true") || value.equals("false")) {
      return Optional.of(Boolean.parseBoolean(value));
    }
    problem(what + " must be true or false");
    return Optional.empty();
  }

  private String scalarOrEmpty() {
    return node instanceof ScalarNode scalar ? scalar.getValue() : "";
  }

  private YamlNode child(Node childNode) {
    return new YamlNode(childNode, file, problems);
  }
}
