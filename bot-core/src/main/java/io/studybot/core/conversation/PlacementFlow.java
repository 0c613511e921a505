package io.studybot.core.conversation;

import io.studybot.content.Language;
import io.studybot.content.Question;
import io.studybot.content.Topic;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.RichText;
import io.studybot.core.i18n.Messages;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.Placement;
import io.studybot.core.study.QuestionRef;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * /placement: a short adaptive test that finds where in the course a learner should start. It walks
 * a binary search over the topic positions ({@link Placement}), asking the curriculum's own
 * questions one at a time. The learner starts at the first topic they have not shown they know; the
 * topics before it count as tested out, and every question answered becomes a review card. The test
 * is stored, so it survives a restart and waits while the learner does anything else; only an
 * answer to the question on screen counts.
 */
final class PlacementFlow {
  private final QuestionView questions;
  private final Reviews reviews;

  PlacementFlow(Messages messages, Reviews reviews) {
    this.questions = new QuestionView(messages);
    this.reviews = reviews;
  }

  /** Starts a new test, in place of any earlier one. */
  void start(Turn turn) {
    Enrollment enrollment = Courses.enrollmentFor(turn);
    int topics = turn.curriculum.topics().size();
    Placement placement =
        turn.enrollments.startPlacement(new Placement(enrollment.id(), topics, turn.now));
    turn.say("placement.intro", Placement.MAX_QUESTIONS);
    next(turn, enrollment, placement);
  }

  /** A press on an answer button: counts only for the question on screen of the running test. */
  void answer(Turn turn, IncomingEvent.ButtonPress press, Payload.PlacementAnswer payload) {
    if (turn.inGroup()) {
      turn.sayPersonally("personal.only", "/placement");
      return;
    }
    Optional<Enrollment> enrollment =
        turn.enrollments.find(turn.learner.owner(), turn.curriculum.id());
    Optional<Placement> placement = enrollment.flatMap(e -> turn.enrollments.placement(e.id()));
    if (enrollment.isEmpty()
        || placement.isEmpty()
        || !placement.get().id().equals(payload.placementId())
        || placement.get().finished()
        || placement.get().asked() != payload.asked()) {
      turn.sayPersonally("placement.stale");
      return;
    }
    Placement running = placement.get();
    Optional<QuestionRef> onScreen = running.onScreen();
    Optional<Topic> topic = onScreen.flatMap(ref -> turn.curriculum.topic(ref.topicId()));
    Optional<Question> question =
        onScreen.flatMap(ref -> topic.flatMap(t -> t.findQuestion(ref.questionId())));
    if (onScreen.isEmpty()
        || topic.isEmpty()
        || question.isEmpty()
        || payload.choice() >= question.get().choices().size()) {
      turn.sayPersonally("placement.stale");
      return;
    }
    boolean correct = payload.choice() == question.get().correctIndex();
    reviews.record(turn, topic.get().id(), question.get().id(), correct);
    turn.reply(
        OutgoingMessage.of(
                questions.verdict(
                    question.get(), delivery(running), payload.choice(), turn.language()))
            .replacing(press.messageId()));
    running.answer(correct, probeSize(topic.get()));
    next(turn, enrollment.get(), running);
  }

  /** Puts the next question on screen, or ends the test when the search is done. */
  private void next(Turn turn, Enrollment enrollment, Placement placement) {
    List<Topic> topics = turn.curriculum.topics();
    while (!placement.searchDone()) {
      Topic topic = topics.get(placement.probe());
      if (probeSize(topic) == 0) {
        placement.decide(false); // nothing to ask: the topic is not shown known
        continue;
      }
      Question question = topic.questions().get(placement.probeAsked());
      placement.show(topic.id(), question.id());
      turn.reply(render(turn, placement, phaseOf(turn, topic), question));
      return;
    }
    finish(turn, enrollment, placement);
  }

  private static int probeSize(Topic topic) {
    return Math.min(Placement.QUESTIONS_PER_PROBE, topic.questions().size());
  }

  /**
   * The result: the course moves on to the first topic not shown known (never back), and the topics
   * before it count as tested out.
   */
  private static void finish(Turn turn, Enrollment enrollment, Placement placement) {
    placement.finish(turn.now);
    List<Topic> topics = turn.curriculum.topics();
    int start = Math.min(placement.low(), Math.max(0, topics.size() - 1));
    for (int i = 0; i < start; i++) {
      turn.enrollments.markTestedOut(enrollment.id(), topics.get(i).id(), turn.now);
    }
    enrollment.moveForwardTo(start);
    int testedOut = turn.enrollments.testedOutTopics(enrollment.id()).size();
    String where =
        Courses.currentTopic(turn, enrollment)
            .map(
                topic ->
                    turn.text(
                        "placement.start-at",
                        enrollment.position() + 1,
                        topics.size(),
                        topic.title().in(turn.language())))
            .orElse(turn.text("course.finished"));
    if (testedOut == 0) {
      turn.say("placement.done-none", placement.answeredRight(), placement.asked(), where);
    } else {
      turn.say("placement.done", placement.answeredRight(), placement.asked(), where, testedOut);
    }
  }

  /** The title of the topic's phase, so the learner sees the test move through the course. */
  private static String phaseOf(Turn turn, Topic topic) {
    OptionalInt phase = turn.curriculum.phaseIndexOf(topic);
    return phase.isEmpty()
        ? ""
        : turn.curriculum.phases().get(phase.getAsInt()).title().in(turn.language());
  }

  private OutgoingMessage render(Turn turn, Placement placement, String phase, Question question) {
    Language language = turn.language();
    RichText.Builder text = RichText.builder();
    text.paragraph(
        new RichText.Bold(turn.text("placement.question", placement.asked() + 1, phase)));
    text.paragraph(RichText.marked(question.prompt().in(language)));
    int asked = placement.asked();
    return questions.withChoices(
        text,
        question,
        delivery(placement),
        original -> new Payload.PlacementAnswer(placement.id(), asked, original).token(),
        language);
  }

  /** Each placement question draws its own order of choices, as a quiz delivery does. */
  private static long delivery(Placement placement) {
    return -(placement.id() * 1_000 + placement.asked()); // apart from quiz deliveries' ids
  }
}
