package io.studybot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The curriculum StudyBot ships: valid, complete against the roadmap, and big enough. */
class BundledCurriculumTest {
  private final LoadedCurriculum loaded = Curricula.loadBundled();

  @Test
  void loadsWithoutProblems() {
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.isValid()).isTrue();
  }

  @Test
  void meetsTheCourseSize() {
    Curriculum curriculum = loaded.orThrow();
    long questions = curriculum.questionCount();
    assertThat(curriculum.topics()).hasSizeGreaterThanOrEqualTo(120);
    assertThat(questions).isGreaterThanOrEqualTo(480);
    assertThat(curriculum.codeQuestionCount() * 5).isGreaterThanOrEqualTo(questions);
    assertThat(curriculum.phases()).extracting(Phase::id).containsExactly("p1", "p2", "p3", "p4");
  }

  @Test
  void everyTopicHasALessonOfTheRightSizeAndAtLeastFourQuestions() {
    for (Topic topic : loaded.orThrow().topics()) {
      assertThat(topic.questions()).as(topic.id()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(topic.lesson().length(Language.ZH)).as(topic.id()).isBetween(600, 1500);
      assertThat(topic.lesson().links()).as(topic.id()).hasSizeBetween(1, 3);
    }
  }

  /** In every unit the right choice rarely stands out by length, and true/false is balanced. */
  @Test
  void everyUnitsQuizzesAreBalanced() {
    Curriculum curriculum = loaded.orThrow();
    java.util.Map<String, List<Topic>> units = new java.util.LinkedHashMap<>();
    curriculum
        .topics()
        .forEach(
            t -> units.computeIfAbsent(t.origin().file(), f -> new java.util.ArrayList<>()).add(t));
    assertThat(units).hasSize(8);
    units.forEach(
        (file, topics) ->
            assertThat(QuizBalance.of(topics).problems(curriculum.quizLimits()))
                .as(file)
                .isEmpty());
  }

  @Test
  void everyRoadmapBulletIsCovered() {
    CoverageReport report = CoverageReport.of(Roadmap.bundled(), loaded.orThrow());
    assertThat(report.coverage()).hasSize(80);
    assertThat(report.unknownSeeds()).isEmpty();
    assertThat(report.uncovered()).isEmpty();
    assertThat(report.sections()).containsExactly("技术栈", "学习路径", "项目实践", "最佳实践", "学习笔记", "开发工具");
  }

  @Test
  void theShippedRoadmapHasItsBullets() {
    List<RoadmapBullet> bullets = Roadmap.bundled().bullets();
    assertThat(bullets.get(0).key()).isEqualTo("技术栈/Web框架/Django");
    assertThat(bullets)
        .extracting(RoadmapBullet::key)
        .contains("学习路径/第一阶段：Python基础/Python核心", "开发工具/IDE与编辑器/Vim/Emacs");
  }
}
