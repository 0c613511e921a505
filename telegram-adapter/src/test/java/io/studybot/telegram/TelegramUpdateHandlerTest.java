package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.conversation.StudyBot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramUpdateHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeBotApi api;
  private StudyBot bot;
  private TelegramUpdateHandler handler;

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    bot = mock(StudyBot.class);
    CallbackContext callbacks = new CallbackContext();
    TelegramCalls calls = api.calls(new ArrayList<>());
    TelegramChatGateway gateway =
        new TelegramChatGateway(calls, callbacks, TelegramSettings.DEFAULT_RATE_LIMITS);
    handler =
        new TelegramUpdateHandler(
            bot,
            new TelegramUpdateMapper(() -> Optional.of("StudyBot")),
            callbacks,
            gateway,
            new TelegramChatAdmins(calls));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static Update command(int updateId, String text) throws IOException {
    return command(updateId, text, "{'id': 300, 'type': 'private'}");
  }

  private static Update command(int updateId, String text, String chat) throws IOException {
    return JSON.readValue(
        ("{'update_id': "
                + updateId
                + ", 'message': {'message_id': 5, 'date': 1700000000,"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'chat': "
                + chat
                + ", 'text': '"
                + text
                + "'}}")
            .replace('\'', '"'),
        Update.class);
  }

  private static Update press(int updateId) throws IOException {
    return JSON.readValue(
        ("{'update_id': "
                + updateId
                + ", 'callback_query': {'id': 'cq-"
                + updateId
                + "', 'data': 'a:1:0', 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'message': {'message_id': 44, 'date': 1700000000,"
                + " 'chat': {'id': 300, 'type': 'private'}}}}")
            .replace('\'', '"'),
        Update.class);
  }

  @Test
  void aRedeliveredUpdateIsHandledOnce() throws IOException {
    handler.handle(command(10, "/today"));
    handler.handle(command(10, "/today"));

    verify(bot, times(1)).receive(any(IncomingEvent.Command.class));
  }

  @Test
  void aFailureOnOneUpdateIsLoggedAndTheNextIsHandled() throws IOException {
    doThrow(new IllegalStateException("boom")).doNothing().when(bot).receive(any());

    handler.handle(command(11, "/today"));
    handler.handle(command(12, "/quiz"));

    verify(bot, times(2)).receive(any());
  }

  @Test
  void aPressTheCoreDidNotAnswerWithAPopupStillStopsTheSpinner() throws IOException {
    handler.handle(press(13));

    verify(bot).receive(any(IncomingEvent.ButtonPress.class));
    assertThat(api.calls("answerCallbackQuery")).hasSize(1);
    assertThat(api.calls("answerCallbackQuery").get(0).body().path("callback_query_id").asText())
        .isEqualTo("cq-13");
  }

  @Test
  void aPressIsAnsweredEvenWhenHandlingItFailed() throws IOException {
    doThrow(new IllegalStateException("boom")).when(bot).receive(any());

    handler.handle(press(14));

    assertThat(api.calls("answerCallbackQuery")).hasSize(1);
  }

  @Test
  void aGroupAdminsSubscribeCarriesTheirAdminStatus() throws IOException {
    api.answer(
        "getChatMember",
        200,
        "{\"ok\":true,\"result\":{\"status\":\"administrator\","
            + "\"user\":{\"id\":300,\"is_bot\":false,\"first_name\":\"Ada\"}}}");
    ArgumentCaptor<IncomingEvent> event = ArgumentCaptor.forClass(IncomingEvent.class);

    handler.handle(command(17, "/subscribe 08:00", "{'id': -500, 'type': 'group', 'title': 'S'}"));

    verify(bot).receive(event.capture());
    assertThat(((IncomingEvent.Command) event.getValue()).senderIsChatAdmin()).isTrue();
  }

  @Test
  void aMembersSubscribeDoesNot() throws IOException {
    api.answer(
        "getChatMember",
        200,
        "{\"ok\":true,\"result\":{\"status\":\"member\","
            + "\"user\":{\"id\":300,\"is_bot\":false,\"first_name\":\"Ada\"}}}");
    ArgumentCaptor<IncomingEvent> event = ArgumentCaptor.forClass(IncomingEvent.class);

    handler.handle(command(18, "/unsubscribe", "{'id': -500, 'type': 'group', 'title': 'S'}"));

    verify(bot).receive(event.capture());
    assertThat(((IncomingEvent.Command) event.getValue()).senderIsChatAdmin()).isFalse();
  }

  @Test
  void otherCommandsCostNoAdminLookup() throws IOException {
    handler.handle(command(19, "/quiz", "{'id': -500, 'type': 'group', 'title': 'S'}"));
    handler.handle(command(20, "/subscribe"));

    assertThat(api.calls("getChatMember")).isEmpty();
  }

  @Test
  void aFailingCallbackAnswerDoesNotEscape() throws IOException {
    api.fail("answerCallbackQuery", 400, "Bad Request: query is too old");

    handler.handle(press(15));
    handler.handle(command(16, "/help"));

    verify(bot, times(2)).receive(any());
  }
}
