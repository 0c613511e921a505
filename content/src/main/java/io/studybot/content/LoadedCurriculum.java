package io.studybot.content;

import java.util.List;
import java.util.Optional;

/** The outcome of loading: the curriculum when it could be read, and every problem found. */
public record LoadedCurriculum(Optional<Curriculum> curriculum, List<ContentProblem> problems) {

  public LoadedCurriculum {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return curriculum.isPresent() && problems.isEmpty();
  }

  /** The curriculum, or an exception listing the problems. */
  public Curriculum orThrow() {
    if (!isValid()) {
      throw new InvalidCurriculumException(problems);
    }
    return curriculum.orElseThrow();
  }
}
