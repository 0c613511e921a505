package io.studybot.core.testing;

import io.studybot.content.Choice;
import io.studybot.content.Curriculum;
import io.studybot.content.Lesson;
import io.studybot.content.Link;
import io.studybot.content.LocalizedText;
import io.studybot.content.Origin;
import io.studybot.content.Phase;
import io.studybot.content.Question;
import io.studybot.content.QuestionKind;
import io.studybot.content.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small course for tests: two phases, three topics, four questions each. In every question option
 * B (index 1) is right, so tests can answer right or wrong on purpose.
 */
public final class TestCurriculum {
  public static final int RIGHT = 1;
  public static final int WRONG = 0;

  private TestCurriculum() {}

  /** A longer course: one phase of {@code topics} topics, for tests that run many days. */
  public static Curriculum create(int topics) {
    List<Topic> list = new ArrayList<>();
    for (int i = 1; i <= topics; i++) {
      list.add(topic("t" + i));
    }
    return new Curriculum(
        "test-course",
        new LocalizedText("测试课程", "Test course"),
        List.of(new Phase("p1", new LocalizedText("第一阶段", "Phase one"), list)));
  }

  public static Curriculum create() {
    return new Curriculum(
        "test-course",
        new LocalizedText("测试课程", "Test course"),
        List.of(
            new Phase(
                "p1",
                new LocalizedText("第一阶段", "Phase one"),
                List.of(topic("alpha"), topic("beta"))),
            new Phase("p2", new LocalizedText("第二阶段", "Phase two"), List.of(topic("gamma")))));
  }

  private static Topic topic(String id) {
    Lesson lesson =
        new Lesson(
            new LocalizedText("关于 " + id + " 的课程。", "A lesson about `" + id + "`."),
            List.of(new LocalizedText("要点一", "Point one"), new LocalizedText("要点二", "Point two")),
            Optional.of(LocalizedText.same("print('" + id + "')")),
            List.of(new Link(LocalizedText.same("Docs"), "https://docs.python.org/3/")));
    List<Question> questions = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      questions.add(question(id, "q" + i));
    }
    return new Topic(
        id,
        new LocalizedText("主题 " + id, "Topic " + id),
        List.of("seed"),
        List.of(),
        lesson,
        questions,
        Origin.UNKNOWN);
  }

  private static Question question(String topic, String id) {
    return new Question(
        id,
        QuestionKind.SINGLE,
        new LocalizedText(topic + " 的问题 " + id + "？", "Question " + id + " on " + topic + "?"),
        Optional.empty(),
        List.of(
            new Choice(LocalizedText.same("wrong"), false),
            new Choice(LocalizedText.same("right"), true),
            new Choice(LocalizedText.same("also wrong"), false)),
        new LocalizedText("因为 B 对。", "Because B is right."),
        Origin.UNKNOWN);
  }
}
