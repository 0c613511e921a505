package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramChatAdminsTest {
  private static final ChatRef GROUP = new ChatRef(Platform.TELEGRAM, "-500", ChatKind.GROUP);
  private static final ChatRef PRIVATE = new ChatRef(Platform.TELEGRAM, "300", ChatKind.PRIVATE);
  private static final PlatformUser ADA =
      new PlatformUser(Platform.TELEGRAM, "300", "Ada", Optional.empty());

  private FakeBotApi api;
  private TelegramChatAdmins admins;

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    admins = new TelegramChatAdmins(api.calls(new ArrayList<>()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private void member(String status) {
    api.answer(
        "getChatMember",
        200,
        "{\"ok\":true,\"result\":{\"status\":\""
            + status
            + "\",\"user\":{\"id\":300,\"is_bot\":false,\"first_name\":\"Ada\"}}}");
  }

  @Test
  void onlySubscriptionCommandsInGroupsNeedTheAnswer() {
    assertThat(TelegramChatAdmins.matters("subscribe", GROUP)).isTrue();
    assertThat(TelegramChatAdmins.matters("unsubscribe", GROUP)).isTrue();
    assertThat(TelegramChatAdmins.matters("subscribe", PRIVATE)).isFalse();
    assertThat(TelegramChatAdmins.matters("quiz", GROUP)).isFalse();
  }

  @Test
  void creatorsAndAdministratorsAdministerTheGroup() {
    member("creator");
    member("administrator");
    member("member");

    assertThat(admins.isAdmin(GROUP, ADA)).isTrue();
    assertThat(admins.isAdmin(GROUP, ADA)).isTrue();
    assertThat(admins.isAdmin(GROUP, ADA)).isFalse();
    assertThat(api.calls("getChatMember").get(0).body().path("user_id").asLong()).isEqualTo(300);
    assertThat(api.calls("getChatMember").get(0).body().path("chat_id").asText()).isEqualTo("-500");
  }

  @Test
  void anErrorCountsAsNotAnAdmin() {
    api.fail("getChatMember", 400, "Bad Request: user not found");

    assertThat(admins.isAdmin(GROUP, ADA)).isFalse();
  }
}
