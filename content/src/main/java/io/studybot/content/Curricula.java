package io.studybot.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads and validates curricula; the entry point of this module. */
public final class Curricula {
  /** The class-path folder of the curriculum that ships with StudyBot. */
  public static final String BUNDLED_FOLDER = "curricula/python-backend";

  private Curricula() {}

  public static LoadedCurriculum load(CurriculumSource source) {
    YamlCurriculumReader reader = new YamlCurriculumReader(source);
    Optional<Curriculum> curriculum = reader.read();
    List<ContentProblem> problems = new ArrayList<>(reader.problems());
    curriculum.ifPresent(loaded -> problems.addAll(new CurriculumValidator().validate(loaded)));
    return new LoadedCurriculum(curriculum, problems);
  }

  public static LoadedCurriculum loadBundled() {
    return load(CurriculumSource.classpath(BUNDLED_FOLDER));
  }

  /** The bundled curriculum; it is tested to be valid, so a problem here is a packaging bug. */
  public static Curriculum bundled() {
    return loadBundled().orThrow();
  }
}
