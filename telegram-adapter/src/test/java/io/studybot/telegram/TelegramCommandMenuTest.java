package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.content.Language;
import io.studybot.core.chat.ChatKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

class TelegramCommandMenuTest {
  @Test
  void thePrivateMenuListsTheCatalogsPersonalCommandsInEachLanguage() {
    List<BotCommand> english = TelegramCommandMenu.commands(ChatKind.PRIVATE, Language.EN);
    List<BotCommand> chinese = TelegramCommandMenu.commands(ChatKind.PRIVATE, Language.ZH);

    assertThat(english)
        .extracting(BotCommand::getCommand)
        .contains("start", "today", "quiz", "progress", "settings", "pause", "resume", "forget")
        .doesNotContain("subscribe", "unsubscribe");
    assertThat(chinese)
        .extracting(BotCommand::getCommand)
        .isEqualTo(english.stream().map(BotCommand::getCommand).toList());
    assertThat(english.get(0).getDescription()).startsWith("Set up language");
    assertThat(chinese.get(0).getDescription()).startsWith("设置语言");
    assertThat(english)
        .allSatisfy(
            command ->
                assertThat(command.getDescription()).isNotBlank().hasSizeLessThanOrEqualTo(256));
  }

  @Test
  void groupsGetTheGroupMenu() {
    List<BotCommand> group = TelegramCommandMenu.commands(ChatKind.GROUP, Language.EN);

    assertThat(group)
        .extracting(BotCommand::getCommand)
        .contains("subscribe", "today", "quiz", "progress")
        .doesNotContain("settings", "forget");
  }

  @Test
  void theMenusAreRegisteredForChineseEnglishAndEveryoneElse() throws IOException {
    try (FakeBotApi api = new FakeBotApi()) {
      TelegramCommandMenu.register(api.calls(new ArrayList<>()));

      List<FakeBotApi.Call> calls = api.calls("setMyCommands");
      assertThat(calls)
          .extracting(
              call ->
                  call.body().path("scope").path("type").asText()
                      + "/"
                      + call.body().path("language_code").asText(""))
          .containsExactly(
              "default/zh",
              "default/en",
              "default/",
              "all_group_chats/zh",
              "all_group_chats/en",
              "all_group_chats/");
    }
  }

  @Test
  void aRefusedMenuIsLoggedAndStartUpGoesOn() throws IOException {
    try (FakeBotApi api = new FakeBotApi()) {
      api.answer(
          "setMyCommands", 500, "{\"message\":\"API method 'setMyCommands' is not supported.\"}");

      TelegramCommandMenu.register(api.calls(new ArrayList<>()));

      assertThat(api.calls("setMyCommands")).hasSize(1);
    }
  }
}
