package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.StoreUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramUpdateHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeBotApi api;

  /** What the core was handed, in order. */
  private final List<IncomingEvent> received = new ArrayList<>();

  /** What the core answers to each event; nothing unless a test says otherwise. */
  private Function<IncomingEvent, List<Reply>> core = event -> List.of();

  private TelegramUpdateHandler handler;

  private final RecordingLifecycle lifecycle = new RecordingLifecycle();

  /** The callback deadline armed for the turn in hand, fired by the test instead of a clock. */
  private final ManualDeadline deadline = new ManualDeadline();

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    TelegramCalls calls = api.calls(new ArrayList<>());
    TelegramChatGateway gateway =
        new TelegramChatGateway(calls, TelegramSettings.DEFAULT_RATE_LIMITS);
    handler =
        new TelegramUpdateHandler(
            event -> {
              received.add(event);
              return core.apply(event);
            },
            lifecycle,
            new TelegramUpdateMapper(() -> Optional.of("StudyBot")),
            gateway,
            new TelegramChatAdmins(calls),
            deadline,
            new ObjectMapper());
  }

  /** A deadline that never fires by itself; {@link #fire} runs the armed action now. */
  private static final class ManualDeadline implements CallbackDeadline {
    private final List<Runnable> armed = new ArrayList<>();
    private int disarmed;

    @Override
    public synchronized Runnable arm(Runnable onDeadline) {
      armed.add(onDeadline);
      return () -> {
        synchronized (this) {
          disarmed++;
        }
      };
    }

    synchronized void fire() {
      armed.get(armed.size() - 1).run();
    }

    synchronized int armedCount() {
      return armed.size();
    }

    synchronized int disarmedCount() {
      return disarmed;
    }
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

  /** The inbox keeps the update and hands it over again when the database is back. */
  @Test
  void aDatabaseOutOfReachIsPassedOnAndTheSameUpdateIsHandledAgainLater() throws IOException {
    core =
        event -> {
          if (received.size() == 1) {
            throw new StoreUnavailableException("down", new RuntimeException());
          }
          return List.of(new Reply(event.chat(), OutgoingMessage.text("lesson")));
        };
    Update update = command(10, "/today");

    assertThatThrownBy(() -> handler.handle(update)).isInstanceOf(StoreUnavailableException.class);
    handler.handle(update);

    assertThat(received).hasSize(2);
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void aFailureOnOneUpdateIsLoggedAndTheNextIsHandled() throws IOException {
    core =
        event -> {
          if (received.size() == 1) {
            throw new IllegalStateException("boom");
          }
          return List.of(new Reply(event.chat(), OutgoingMessage.text("quiz")));
        };

    handler.handle(command(11, "/today"));
    handler.handle(command(12, "/quiz"));

    assertThat(received).hasSize(2);
    assertThat(api.calls("sendMessage"))
        .singleElement()
        .satisfies(call -> assertThat(call.body().path("text").asText()).isEqualTo("quiz"));
  }

  @Test
  void aPressTheCoreDidNotAnswerWithAPopupStillStopsTheSpinner() throws IOException {
    handler.handle(press(13));

    assertThat(received).singleElement().isInstanceOf(IncomingEvent.ButtonPress.class);
    assertThat(api.calls("answerCallbackQuery")).hasSize(1);
    assertThat(api.calls("answerCallbackQuery").get(0).body().path("callback_query_id").asText())
        .isEqualTo("cq-13");
  }

  @Test
  void aPressIsAnsweredEvenWhenHandlingItFailed() throws IOException {
    core =
        event -> {
          throw new IllegalStateException("boom");
        };

    handler.handle(press(14));

    assertThat(api.calls("answerCallbackQuery")).hasSize(1);
  }

  @Test
  void aGroupAdminsSubscribeCarriesTheirAdminStatus() throws IOException {
    assertThat(adminWordFor("administrator", 17, "/subscribe 08:00")).isTrue();
  }

  @Test
  void aMembersSubscribeDoesNot() throws IOException {
    assertThat(adminWordFor("member", 18, "/unsubscribe")).isFalse();
  }

  /** Whether the core was told the sender administers the group, Telegram giving this status. */
  private boolean adminWordFor(String status, int updateId, String text) throws IOException {
    api.answer(
        "getChatMember",
        200,
        "{\"ok\":true,\"result\":{\"status\":\""
            + status
            + "\",\"user\":{\"id\":300,\"is_bot\":false,\"first_name\":\"Ada\"}}}");

    handler.handle(command(updateId, text, "{'id': -500, 'type': 'group', 'title': 'S'}"));

    assertThat(received).hasSize(1);
    return ((IncomingEvent.Command) received.get(0)).senderIsChatAdmin();
  }

  @Test
  void anAnonymousAdminIsAnAdminWithoutALookup() throws IOException {
    handler.handle(
        JSON.readValue(
            ("{'update_id': 30, 'message': {'message_id': 9, 'date': 1700000000,"
                    + " 'from': {'id': 1087968824, 'is_bot': true, 'first_name': 'Group'},"
                    + " 'sender_chat': {'id': -500, 'type': 'group', 'title': 'S'},"
                    + " 'chat': {'id': -500, 'type': 'group', 'title': 'S'},"
                    + " 'text': '/unsubscribe'}}")
                .replace('\'', '"'),
            Update.class));

    assertThat(received)
        .singleElement()
        .satisfies(
            event -> assertThat(((IncomingEvent.Command) event).senderIsChatAdmin()).isTrue());
    assertThat(api.calls("getChatMember")).isEmpty();
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

    assertThat(received).hasSize(2);
  }

  @Test
  void aPersonalReplyToAPressInAGroupPopsUpAndTheRestGoToTheGroup() throws IOException {
    core =
        event ->
            List.of(
                new Reply(event.chat(), OutgoingMessage.text("✅ Right").personal()),
                new Reply(event.chat(), OutgoingMessage.text("🏁 Done").personal()));

    handler.handle(groupPress(21));

    assertThat(api.calls("answerCallbackQuery"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cq-21");
              assertThat(call.body().path("text").asText()).isEqualTo("✅ Right");
            });
    assertThat(api.calls("sendMessage"))
        .singleElement()
        .satisfies(
            call -> assertThat(call.body().path("text").asText()).isEqualTo("<b>Ada</b>: 🏁 Done"));
  }

  @Test
  void aReplyRefusedByTelegramDoesNotKeepTheNextOneBack() throws IOException {
    api.fail("editMessageText", 403, "Forbidden: bot was blocked by the user");
    core =
        event ->
            List.of(
                new Reply(
                    event.chat(), OutgoingMessage.text("verdict").replacing(Optional.of("44"))),
                new Reply(event.chat(), OutgoingMessage.text("summary")));

    handler.handle(press(22));

    assertThat(api.calls("sendMessage"))
        .singleElement()
        .satisfies(call -> assertThat(call.body().path("text").asText()).isEqualTo("summary"));
  }

  private static Update groupPress(int updateId) throws IOException {
    return JSON.readValue(
        ("{'update_id': "
                + updateId
                + ", 'callback_query': {'id': 'cq-"
                + updateId
                + "', 'data': 'a:1:0', 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'message': {'message_id': 45, 'date': 1700000000,"
                + " 'chat': {'id': -500, 'type': 'group', 'title': 'S'}}}}")
            .replace('\'', '"'),
        Update.class);
  }

  @Test
  void aSlowTurnHasItsCallbackAnsweredAtTheDeadlineAndItsPopupPostedInTheGroup() throws Exception {
    CountDownLatch inCore = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    core =
        event -> {
          inCore.countDown();
          await(release); // the database is busy
          return List.of(new Reply(event.chat(), OutgoingMessage.text("✅ Right").personal()));
        };
    Update press = groupPress(40);
    Thread lane = new Thread(() -> handler.handle(press));
    lane.start();
    assertThat(inCore.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(api.calls("answerCallbackQuery")).isEmpty();

    deadline.fire();

    assertThat(api.calls("answerCallbackQuery"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cq-40");
              assertThat(call.body().has("text")).isFalse();
            });
    release.countDown();
    lane.join(10_000);
    assertThat(lane.isAlive()).isFalse();
    assertThat(api.calls("answerCallbackQuery")).as("answered once only").hasSize(1);
    assertThat(api.calls("sendMessage"))
        .singleElement()
        .satisfies(
            call -> assertThat(call.body().path("text").asText()).isEqualTo("<b>Ada</b>: ✅ Right"));
  }

  @Test
  void aQuickTurnDisarmsItsDeadlineAndACommandArmsNone() throws IOException {
    core = event -> List.of(new Reply(event.chat(), OutgoingMessage.text("✅ Right").personal()));

    handler.handle(groupPress(41));
    handler.handle(command(42, "/help"));

    assertThat(deadline.armedCount()).isEqualTo(1);
    assertThat(deadline.disarmedCount()).isEqualTo(1);
    assertThat(api.calls("answerCallbackQuery"))
        .singleElement()
        .satisfies(call -> assertThat(call.body().path("text").asText()).isEqualTo("✅ Right"));
  }

  @Test
  void bothServiceMessagesOfAnUpgradeMoveTheGroupAndReachNoConversation() throws IOException {
    handler.handle(
        update(
            "{'update_id': 50, 'message': {'message_id': 3, 'date': 1700000000,"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'chat': {'id': -500, 'type': 'group', 'title': 'S'},"
                + " 'migrate_to_chat_id': -1000500}}"));
    handler.handle(
        update(
            "{'update_id': 51, 'message': {'message_id': 1, 'date': 1700000000,"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'chat': {'id': -1000500, 'type': 'supergroup', 'title': 'S'},"
                + " 'migrate_from_chat_id': -500}}"));

    assertThat(lifecycle.signals())
        .containsExactly("moved -500 to -1000500", "moved -500 to -1000500");
    assertThat(received).isEmpty();
  }

  @Test
  void theBotRemovedOrBlockedStopsTheChatAndReAddingItDoesNothing() throws IOException {
    handler.handle(myChatMember(60, "{'id': -500, 'type': 'group', 'title': 'S'}", "'left'"));
    handler.handle(myChatMember(61, "{'id': 300, 'type': 'private'}", "'kicked'"));
    handler.handle(myChatMember(62, "{'id': -500, 'type': 'group', 'title': 'S'}", "'member'"));

    assertThat(lifecycle.signals()).containsExactly("gone -500 GROUP", "gone 300 PRIVATE");
    assertThat(received).isEmpty();
  }

  @Test
  void aReplyToAGroupThatBecameASupergroupMovesItAndGoesToTheNewId() throws IOException {
    api.answer(
        "sendMessage",
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was"
            + " upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1000500}}");
    core = event -> List.of(new Reply(event.chat(), OutgoingMessage.text("lesson")));

    handler.handle(command(70, "/today", "{'id': -500, 'type': 'group', 'title': 'S'}"));

    assertThat(lifecycle.signals()).containsExactly("moved -500 to -1000500");
    assertThat(api.calls("sendMessage"))
        .extracting(call -> call.body().path("chat_id").asText())
        .containsExactly("-500", "-1000500");
  }

  static Update myChatMember(int updateId, String chat, String status) throws IOException {
    return update(
        "{'update_id': "
            + updateId
            + ", 'my_chat_member': {'chat': "
            + chat
            + ", 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'}, 'date': 1700000000,"
            + " 'old_chat_member': {'status': 'member', 'user': {'id': 9, 'is_bot': true,"
            + " 'first_name': 'StudyBot'}}, 'new_chat_member': {'status': "
            + status
            + ", 'user': {'id': 9, 'is_bot': true, 'first_name': 'StudyBot'}}}}");
  }

  private static Update update(String json) throws IOException {
    return JSON.readValue(json.replace('\'', '"'), Update.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
