package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Curricula;
import io.studybot.content.Curriculum;
import io.studybot.content.Phase;
import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.state.Repositories;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.Placement;
import io.studybot.core.study.QuestionRef;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.FakeChatGateway;
import io.studybot.core.testing.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /placement on the bundled course: its probes cross the phases, and knowing all ends late. */
class BundledPlacementTest {
  private final Curriculum curriculum = Curricula.bundled();
  private final BotHarness harness = new BotHarness(TestDatabases.h2(), curriculum);
  private final PlatformUser alice = user("100", "Alice", "en");
  private final ChatRef aliceChat = privateChat(alice);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void knowingEverythingStartsInTheLastPhaseAfterProbesAcrossThePhases() {
    harness.type(alice, "/placement");
    Set<Integer> phasesProbed = new HashSet<>();
    int asked = 0;
    while (!harness.lastText(aliceChat).contains("Placement done")) {
      assertThat(asked++).isLessThan(Placement.MAX_QUESTIONS);
      QuestionRef onScreen = onScreen();
      phasesProbed.add(phaseOf(onScreen.topicId()));
      int right =
          curriculum
              .topic(onScreen.topicId())
              .flatMap(topic -> topic.findQuestion(onScreen.questionId()))
              .orElseThrow()
              .correctIndex();
      harness.press(alice, aliceChat, lastButtons().get(right).payload());
    }
    assertThat(asked).isBetween(5, 15);
    assertThat(phasesProbed).hasSizeGreaterThan(2);
    int position =
        new HibernateStudyStore(harness.database)
            .inTransaction(repos -> enrollment(repos).position());
    String current = curriculum.topics().get(position).id();
    assertThat(phaseOf(current)).isEqualTo(curriculum.phases().size() - 1);
  }

  private QuestionRef onScreen() {
    return new HibernateStudyStore(harness.database)
        .inTransaction(
            repos ->
                repos
                    .enrollments()
                    .placement(enrollment(repos).id())
                    .orElseThrow()
                    .onScreen()
                    .orElseThrow());
  }

  private Enrollment enrollment(Repositories repos) {
    return repos
        .enrollments()
        .find(
            repos.learners().byAccount(Platform.TELEGRAM, "100").orElseThrow().owner(),
            curriculum.id())
        .orElseThrow();
  }

  private int phaseOf(String topicId) {
    List<Phase> phases = curriculum.phases();
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).topics().stream().anyMatch(topic -> topic.id().equals(topicId))) {
        return i;
      }
    }
    throw new AssertionError(topicId);
  }

  private List<Button> lastButtons() {
    List<FakeChatGateway.Sent> sent = harness.gateway.sentTo(aliceChat);
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (!sent.get(i).buttons().isEmpty()
          && sent.get(i).buttons().get(0).payload().startsWith("pl:")) {
        return BotHarness.inCurriculumOrder(sent.get(i).buttons());
      }
    }
    throw new AssertionError("no placement question");
  }
}
