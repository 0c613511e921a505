package io.studybot.content;

import java.util.List;
import java.util.stream.Collectors;

/** A curriculum that did not pass the loader's or the validator's rules. */
public final class InvalidCurriculumException extends RuntimeException {
  private final List<ContentProblem> problems;

  public InvalidCurriculumException(List<ContentProblem> problems) {
    super(
        problems.size()
            + " problem(s) in curriculum:\n"
            + problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }
}
