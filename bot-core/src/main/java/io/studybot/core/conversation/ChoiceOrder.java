package io.studybot.core.conversation;

import io.studybot.content.Choice;
import io.studybot.content.Question;
import io.studybot.content.QuestionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order a delivered question shows its choices in: drawn afresh for every delivery (the seed is
 * the delivered question's id), so a question that comes back for review has its answer somewhere
 * else, while showing the same delivery again, or its verdict, names the same letters. Pinned
 * choices ("all of the above") stay at the end; true/false keeps True before False.
 */
final class ChoiceOrder {
  private final int[] originalAt;

  private ChoiceOrder(int[] originalAt) {
    this.originalAt = originalAt;
  }

  static ChoiceOrder of(Question question, long quizQuestionId) {
    List<Choice> choices = question.choices();
    List<Integer> free = new ArrayList<>();
    List<Integer> pinned = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      (choices.get(i).pinned() ? pinned : free).add(i);
    }
    if (question.kind() != QuestionKind.TRUE_FALSE) {
      shuffle(free, new SplittableRandom(quizQuestionId * 0x9E3779B97F4A7C15L));
    }
    free.addAll(pinned);
    return new ChoiceOrder(free.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void shuffle(List<Integer> items, SplittableRandom random) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = items.get(i);
      items.set(i, items.get(j));
      items.set(j, swap);
    }
  }

  int size() {
    return originalAt.length;
  }

  /** The choice's index in the curriculum, for the one shown at {@code position}. */
  int originalAt(int position) {
    return originalAt[position];
  }

  /** Where the choice with this curriculum index is shown. */
  int positionOf(int original) {
    for (int position = 0; position < originalAt.length; position++) {
      if (originalAt[position] == original) {
        return position;
      }
    }
    throw new IllegalArgumentException("no choice " + original);
  }
}
