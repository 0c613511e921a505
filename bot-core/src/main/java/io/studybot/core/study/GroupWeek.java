package io.studybot.core.study;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A group's week in its chat: who answered how much (members who hide from group views left out),
 * the topics its quizzes covered, and how each question asked there was answered.
 */
public record GroupWeek(List<Member> members, Set<String> topicIds, List<QuestionStats> questions) {

  public GroupWeek {
    members = List.copyOf(members);
    topicIds = Set.copyOf(topicIds);
    questions = List.copyOf(questions);
  }

  /** A member's answers in the group's quizzes that week, most first. */
  public record Member(String displayName, long answers, long correct) {}

  /** How one question was answered in the group that week. */
  public record QuestionStats(String topicId, String questionId, long answers, long correct) {
    public double accuracy() {
      return answers == 0 ? 1 : (double) correct / answers;
    }
  }

  /** The question answered worst; of equals, the one answered most. */
  public Optional<QuestionStats> hardestQuestion() {
    return questions.stream()
        .filter(question -> question.answers() > 0)
        .min(
            Comparator.comparingDouble(QuestionStats::accuracy)
                .thenComparing(Comparator.comparingLong(QuestionStats::answers).reversed())
                .thenComparing(QuestionStats::topicId)
                .thenComparing(QuestionStats::questionId));
  }

  public boolean quiet() {
    return members.isEmpty();
  }
}
