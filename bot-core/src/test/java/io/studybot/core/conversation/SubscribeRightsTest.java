package io.studybot.core.conversation;

import static io.studybot.core.testing.BotHarness.group;
import static io.studybot.core.testing.BotHarness.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.persistence.HibernateStudyStore;
import io.studybot.core.schedule.DeliveryKind;
import io.studybot.core.schedule.DeliverySchedule;
import io.studybot.core.state.Repositories;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.testing.BotHarness;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /subscribe where the adapter says the bot cannot post: refused by name, nothing stored. */
class SubscribeRightsTest {
  private final BotHarness harness = BotHarness.onH2();
  private final PlatformUser alice = user("100", "Alice", "en");

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aChannelWithoutTheRightsIsRefusedByNameAndNoGroupIsCreated() {
    ChatRef channel = group("-40");

    harness.receive(
        adminSubscribe(alice, channel, "08:00", List.of("Send Messages", "Embed Links")));

    OutgoingMessage refusal = harness.gateway.lastTo(channel).message();
    assertThat(refusal.visibility()).isEqualTo(OutgoingMessage.Visibility.PERSONAL);
    assertThat(harness.lastText(channel))
        .contains("Send Messages, Embed Links", "Nothing was changed")
        .doesNotContain("Subscribed");
    assertThat(groupAt(channel)).isEmpty();
  }

  @Test
  void aSubscribedGroupKeepsItsTimesWhenANewSubscribeLacksRights() {
    ChatRef channel = group("-41");
    harness.receive(adminSubscribe(alice, channel, "07:00", List.of()));
    assertThat(harness.lastText(channel)).contains("Subscribed", "07:00");

    harness.receive(adminSubscribe(alice, channel, "09:00", List.of("View Channels")));

    assertThat(harness.lastText(channel)).contains("View Channels").doesNotContain("Subscribed");
    StudyGroup group = groupAt(channel).orElseThrow();
    assertThat(group.subscribed()).isTrue();
    assertThat(group.settings().lessonTime()).isEqualTo(LocalTime.of(7, 0));
    DeliverySchedule lessons =
        read(repos -> repos.schedules().find(group.owner(), DeliveryKind.LESSON)).orElseThrow();
    assertThat(lessons.localTime()).isEqualTo(LocalTime.of(7, 0));
  }

  @Test
  void theRefusalSpeaksTheGroupsLanguage() {
    ChatRef channel = group("-42");
    PlatformUser li = user("101", "Li", "zh");
    harness.type(li, channel, "/today"); // the group is Chinese from its first command

    harness.receive(adminSubscribe(li, channel, "08:00", List.of("Embed Links")));

    assertThat(harness.lastText(channel)).contains("缺少这些权限：Embed Links", "设置没有改动");
    StudyGroup group = groupAt(channel).orElseThrow();
    assertThat(group.subscribed()).isFalse();
    assertThat(
            read(repos -> repos.schedules().find(group.owner(), DeliveryKind.LESSON))
                .filter(DeliverySchedule::active))
        .isEmpty();
  }

  private static IncomingEvent adminSubscribe(
      PlatformUser user, ChatRef chat, String lesson, List<String> missing) {
    IncomingEvent.Command command =
        (IncomingEvent.Command) IncomingEvent.parse(user, chat, "/subscribe " + lesson);
    return command.asChatAdmin().withBotMissing(missing);
  }

  private Optional<StudyGroup> groupAt(ChatRef chat) {
    return read(repos -> repos.groups().byChat(chat));
  }

  private <T> T read(Function<Repositories, T> work) {
    return new HibernateStudyStore(harness.database).inTransaction(work);
  }
}
