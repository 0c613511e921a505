package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.privateChat;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.testing.BotHarness;
import io.studybot.core.testing.TestCurriculum;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressPictureTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final BotHarness harness = BotHarness.onH2();
  private final PlatformUser ada = user("100", "Ada", "en");
  private final ChatRef chat = privateChat(ada);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theChartIsAPngOfItsSize() throws IOException {
    byte[] png =
        ProgressPicture.render(
            List.of(new ProgressPicture.PhaseBar(3, 58), new ProgressPicture.PhaseBar(0, 40)),
            Set.of(TODAY, TODAY.minusDays(1)),
            TODAY);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ProgressPicture.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ProgressPicture.HEIGHT);
  }

  @Test
  void theChartChangesWithTopicsDoneAndWithStudyDays() {
    List<ProgressPicture.PhaseBar> none = List.of(new ProgressPicture.PhaseBar(0, 10));
    byte[] before = ProgressPicture.render(none, Set.of(), TODAY);
    byte[] topicDone =
        ProgressPicture.render(List.of(new ProgressPicture.PhaseBar(1, 10)), Set.of(), TODAY);
    byte[] dayStudied = ProgressPicture.render(none, Set.of(TODAY), TODAY);

    assertThat(topicDone).isNotEqualTo(before);
    assertThat(dayStudied).isNotEqualTo(before).isNotEqualTo(topicDone);
    assertThat(ProgressPicture.render(none, Set.of(), TODAY)).isEqualTo(before);
  }

  @Test
  void privateProgressComesWithTheChartAndItFollowsTheLearner() throws IOException {
    harness.type(ada, "/progress");
    byte[] fresh = picture(harness.gateway.lastTo(chat).message()).png();

    harness.type(ada, "/quiz");
    for (List<Button> question : harness.questionButtons(chat)) {
      harness.press(ada, chat, question.get(TestCurriculum.RIGHT).payload());
    }
    harness.type(ada, "/progress");
    Picture after = picture(harness.gateway.lastTo(chat).message());

    assertThat(ImageIO.read(new ByteArrayInputStream(after.png()))).isNotNull();
    assertThat(after.png()).isNotEqualTo(fresh);
    assertThat(after.description()).contains("12 weeks");
  }

  @Test
  void aGroupsLeaderboardHasNoChart() {
    ChatRef study = group("-3");
    harness.type(ada, study, "/progress");
    assertThat(harness.gateway.lastTo(study).message().picture()).isEmpty();
  }

  private static Picture picture(OutgoingMessage message) {
    assertThat(message.picture()).as("a picture with %s", message.plainText()).isPresent();
    return message.picture().get();
  }
}
