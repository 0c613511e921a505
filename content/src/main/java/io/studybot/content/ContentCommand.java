package io.studybot.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code content lint [DIR]} and {@code content coverage [DIR]}: the authoring tools. Each returns
 * the process exit code: 0 when all is well, 1 on any problem, 2 on a usage error.
 */
public final class ContentCommand {
  private final PrintStream out;
  private final PrintStream err;

  public ContentCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      return usage();
    }
    CurriculumSource source;
    if (args.size() == 2) {
      Path directory = Path.of(args.get(1));
      if (!Files.isDirectory(directory)) {
        err.println("content: " + directory + " is not a folder");
        return 2;
      }
      source = CurriculumSource.directory(directory);
    } else {
      source = CurriculumSource.classpath(Curricula.BUNDLED_FOLDER);
    }
    return switch (args.get(0)) {
      case "lint" -> lint(source);
      case "coverage" -> coverage(source);
      default -> usage();
    };
  }

  private int lint(CurriculumSource source) {
    LoadedCurriculum loaded = Curricula.load(source);
    if (!loaded.isValid()) {
      loaded.problems().forEach(problem -> out.println(problem));
      out.println(
          "content lint: " + loaded.problems().size() + " problem(s) in " + source.describe());
      return 1;
    }
    Curriculum curriculum = loaded.curriculum().orElseThrow();
    out.printf(
        "content lint: %s OK: phases: %d, topics: %d, questions: %d, code questions: %d%n",
        curriculum.id(),
        curriculum.phases().size(),
        curriculum.topics().size(),
        curriculum.questionCount(),
        curriculum.codeQuestionCount());
    return balance(curriculum) ? 0 : 1;
  }

  /** The quiz balance of the course and of each unit file; false when a unit is over a limit. */
  private boolean balance(Curriculum curriculum) {
    QuizLimits limits = curriculum.quizLimits();
    out.println("quiz balance: " + QuizBalance.of(curriculum.topics()).summary());
    Map<String, List<Topic>> units = new LinkedHashMap<>();
    for (Topic topic : curriculum.topics()) {
      units.computeIfAbsent(topic.origin().file(), file -> new ArrayList<>()).add(topic);
    }
    int over = 0;
    for (Map.Entry<String, List<Topic>> unit : units.entrySet()) {
      QuizBalance balance = QuizBalance.of(unit.getValue());
      List<String> problems = balance.problems(limits);
      out.println(
          "  " + unit.getKey() + ": " + balance.summary() + (problems.isEmpty() ? "" : "  OVER"));
      for (String problem : problems) {
        out.println("    " + unit.getKey() + ": " + problem);
      }
      over += problems.isEmpty() ? 0 : 1;
    }
    if (over > 0) {
      out.println("content lint: quiz balance over the limits in " + over + " unit(s)");
    }
    return over == 0;
  }

  private int coverage(CurriculumSource source) {
    LoadedCurriculum loaded = Curricula.load(source);
    if (loaded.curriculum().isEmpty()) {
      loaded.problems().forEach(problem -> out.println(problem));
      return 1;
    }
    CoverageReport report = CoverageReport.of(Roadmap.bundled(), loaded.curriculum().get());
    String section = "";
    for (Map.Entry<RoadmapBullet, List<String>> entry : report.coverage().entrySet()) {
      RoadmapBullet bullet = entry.getKey();
      if (!bullet.section().equals(section)) {
        section = bullet.section();
        out.println("## " + section);
      }
      List<String> topics = entry.getValue();
      out.println(
          (topics.isEmpty() ? "  MISSING " : "  ok      ")
              + bullet.group()
              + "/"
              + bullet.name()
              + (topics.isEmpty() ? "" : "  <- " + String.join(", ", topics)));
    }
    report.unknownSeeds().forEach(problem -> out.println(problem));
    int bullets = report.coverage().size();
    int uncovered = report.uncovered().size();
    out.printf(
        "content coverage: %d of %d roadmap bullets covered, %d uncovered, %d unknown seed(s)%n",
        bullets - uncovered, bullets, uncovered, report.unknownSeeds().size());
    return report.complete() ? 0 : 1;
  }

  private int usage() {
    err.println("usage: content lint [DIR] | content coverage [DIR]");
    return 2;
  }

  /** Lets authors run the tools from the content module alone. */
  public static void main(String[] args) {
    System.exit(new ContentCommand(System.out, System.err).run(List.of(args)));
  }
}
