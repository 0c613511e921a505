package io.studybot.core.conversation;

import io.studybot.content.Curriculum;
import io.studybot.content.Question;
import io.studybot.content.Topic;
import java.util.List;
import java.util.Optional;

/**
 * Where a question sits in a curriculum: its topic's position in learning order and its own in the
 * topic. Answer buttons carry it, so an answer can be judged before anything is read; what it names
 * is checked against the delivered question when the answer is recorded.
 */
record QuestionPlace(int topic, int question) {

  /** A question found in the curriculum. */
  record Found(Topic topic, Question question) {}

  static Optional<QuestionPlace> of(Curriculum curriculum, String topicId, String questionId) {
    List<Topic> topics = curriculum.topics();
    for (int t = 0; t < topics.size(); t++) {
      if (topics.get(t).id().equals(topicId)) {
        List<Question> questions = topics.get(t).questions();
        for (int q = 0; q < questions.size(); q++) {
          if (questions.get(q).id().equals(questionId)) {
            return Optional.of(new QuestionPlace(t, q));
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The question at this place, if the curriculum has one there. */
  Optional<Found> in(Curriculum curriculum) {
    return curriculum
        .topicAt(topic)
        .filter(t -> question >= 0 && question < t.questions().size())
        .map(t -> new Found(t, t.questions().get(question)));
  }
}
