package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.RichText;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramChatGatewayTest {
  private static final ChatRef PRIVATE = new ChatRef(Platform.TELEGRAM, "300", ChatKind.PRIVATE);
  private static final ChatRef GROUP = new ChatRef(Platform.TELEGRAM, "-500", ChatKind.GROUP);

  private FakeBotApi api;
  private TelegramChatGateway gateway;

  @BeforeEach
  void start() throws IOException {
    api = new FakeBotApi();
    gateway =
        new TelegramChatGateway(api.calls(new ArrayList<>()), TelegramSettings.DEFAULT_RATE_LIMITS);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static OutgoingMessage question() {
    return OutgoingMessage.text("Question 1 of 3: what is <this>?")
        .withButtons(
            List.of(
                List.of(new Button("A & B", "a:1:0"), new Button("C", "a:1:1")),
                List.of(new Button("D", "a:1:2"))));
  }

  @Test
  void aMessageIsSentAsEscapedHtmlWithAnInlineKeyboard() {
    String id = gateway.send(PRIVATE, question());

    assertThat(id).isEqualTo("101");
    FakeBotApi.Call call = api.calls("sendMessage").get(0);
    assertThat(call.body().path("chat_id").asText()).isEqualTo("300");
    assertThat(call.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(call.body().path("text").asText())
        .isEqualTo("Question 1 of 3: what is &lt;this&gt;?");
    assertThat(call.body().path("reply_markup"))
        .isEqualTo(
            FakeBotApi.json(
                "{\"inline_keyboard\":[[{\"text\":\"A & B\",\"callback_data\":\"a:1:0\"},"
                    + "{\"text\":\"C\",\"callback_data\":\"a:1:1\"}],"
                    + "[{\"text\":\"D\",\"callback_data\":\"a:1:2\"}]]}"));
  }

  @Test
  void aLongLessonGoesOutInSeveralMessagesWithTheButtonsUnderTheLast() {
    RichText.Builder lesson = RichText.builder();
    for (int i = 0; i < 20; i++) {
      lesson.text("Paragraph " + i + " " + "y".repeat(500));
    }
    OutgoingMessage message =
        OutgoingMessage.of(lesson.build()).withButtons(List.of(List.of(new Button("Quiz", "q"))));

    gateway.send(PRIVATE, message);

    List<FakeBotApi.Call> sends = api.calls("sendMessage");
    assertThat(sends).hasSizeGreaterThan(2);
    for (int i = 0; i < sends.size(); i++) {
      assertThat(sends.get(i).body().path("text").asText().length()).isLessThanOrEqualTo(4096);
      assertThat(sends.get(i).body().has("reply_markup")).isEqualTo(i == sends.size() - 1);
    }
    assertThat(sends.get(0).body().path("text").asText()).startsWith("Paragraph 0 ");
  }

  @Test
  void aVerdictReplacingTheQuestionEditsIt() {
    OutgoingMessage verdict =
        OutgoingMessage.text("✅ Right: A. Because.").replacing(Optional.of("44"));

    String id = gateway.send(PRIVATE, verdict);

    assertThat(id).isEqualTo("44");
    assertThat(api.calls("sendMessage")).isEmpty();
    FakeBotApi.Call edit = api.calls("editMessageText").get(0);
    assertThat(edit.body().path("message_id").asInt()).isEqualTo(44);
    assertThat(edit.body().path("text").asText()).isEqualTo("✅ Right: A. Because.");
  }

  @Test
  void whenTheEditFailsTheVerdictIsSentAsANewMessage() {
    api.fail("editMessageText", 400, "Bad Request: message to edit not found");

    String id = gateway.send(PRIVATE, OutgoingMessage.text("✅ Right").replacing(Optional.of("44")));

    assertThat(id).isEqualTo("101");
    assertThat(api.calls("sendMessage").get(0).body().path("text").asText()).isEqualTo("✅ Right");
  }

  @Test
  void anUnchangedEditCountsAsDone() {
    api.fail("editMessageText", 400, "Bad Request: message is not modified");

    gateway.send(PRIVATE, OutgoingMessage.text("✅ Right").replacing(Optional.of("44")));

    assertThat(api.calls("sendMessage")).isEmpty();
  }

  @Test
  void aPersonalReplyToAPressInAGroupIsAPopupForThePresser() {
    TelegramInteraction interaction = new TelegramInteraction(GROUP, "Eve", Optional.of("cq-1"));

    gateway.reply(
        interaction,
        new Reply(GROUP, OutgoingMessage.text("❌ Not quite, you chose B.").personal()));

    assertThat(api.calls("sendMessage")).isEmpty();
    FakeBotApi.Call popup = api.calls("answerCallbackQuery").get(0);
    assertThat(popup.body().path("callback_query_id").asText()).isEqualTo("cq-1");
    assertThat(popup.body().path("text").asText()).isEqualTo("❌ Not quite, you chose B.");
    assertThat(popup.body().path("show_alert").asBoolean()).isTrue();
    assertThat(interaction.takeCallbackQuery()).isEmpty();
  }

  @Test
  void aLongPopupIsShortenedToTelegramsLimit() {
    TelegramInteraction interaction = new TelegramInteraction(GROUP, "Eve", Optional.of("cq-2"));

    gateway.reply(interaction, new Reply(GROUP, OutgoingMessage.text("z".repeat(500)).personal()));

    assertThat(api.calls("answerCallbackQuery").get(0).body().path("text").asText())
        .hasSize(200)
        .endsWith("…");
  }

  @Test
  void aShortenedPopupNeverCutsAnEmojiInHalf() {
    TelegramInteraction interaction = new TelegramInteraction(GROUP, "Eve", Optional.of("cq-5"));

    gateway.reply(
        interaction, new Reply(GROUP, OutgoingMessage.text("z".repeat(198) + "🔥🔥").personal()));

    String popup = api.calls("answerCallbackQuery").get(0).body().path("text").asText();
    assertThat(popup).isEqualTo("z".repeat(198) + "…");
  }

  @Test
  void aPersonalReplyWithoutAPressGoesToTheGroupAddressedToTheSender() {
    TelegramInteraction interaction =
        new TelegramInteraction(GROUP, "<b>Eve & co</b>", Optional.empty());

    gateway.reply(
        interaction, new Reply(GROUP, OutgoingMessage.text("/settings is personal").personal()));

    assertThat(api.calls("answerCallbackQuery")).isEmpty();
    assertThat(api.calls("sendMessage").get(0).body().path("text").asText())
        .isEqualTo("<b>&lt;b&gt;Eve &amp; co&lt;/b&gt;</b>: /settings is personal");
  }

  @Test
  void aSecondPersonalReplyToOnePressGoesToTheGroupAsThePopupIsUsed() {
    TelegramInteraction interaction = new TelegramInteraction(GROUP, "Eve", Optional.of("cq-3"));

    gateway.reply(interaction, new Reply(GROUP, OutgoingMessage.text("✅ Right").personal()));
    gateway.reply(
        interaction,
        new Reply(GROUP, OutgoingMessage.text("🏁 Quiz done: 3 of 3 right.").personal()));

    assertThat(api.calls("answerCallbackQuery")).hasSize(1);
    assertThat(api.calls("sendMessage").get(0).body().path("text").asText())
        .isEqualTo("<b>Eve</b>: 🏁 Quiz done: 3 of 3 right.");
    assertThat(interaction.takeCallbackQuery()).isEmpty();
  }

  @Test
  void aPersonalReplyInAPrivateChatIsAnOrdinaryMessage() {
    TelegramInteraction interaction = new TelegramInteraction(PRIVATE, "Ada", Optional.of("cq-4"));

    gateway.reply(
        interaction,
        new Reply(PRIVATE, OutgoingMessage.text("You have already answered").personal()));

    assertThat(api.calls("sendMessage").get(0).body().path("text").asText())
        .isEqualTo("You have already answered");
    assertThat(interaction.takeCallbackQuery()).contains("cq-4");
  }

  @Test
  void aBlockedBotIsReportedAsAPermanentFailure() {
    api.fail("sendMessage", 403, "Forbidden: bot was kicked from the group chat");

    assertThatThrownBy(() -> gateway.send(GROUP, OutgoingMessage.text("hello")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
  }

  @Test
  void theGatewayDeclaresTelegramsRateLimits() {
    assertThat(gateway.rateLimits().messagesPerSecond()).isEqualTo(30);
    assertThat(gateway.rateLimits().gapFor(PRIVATE)).isEqualTo(Duration.ofSeconds(1));
    assertThat(gateway.rateLimits().gapFor(GROUP)).isEqualTo(Duration.ofSeconds(3));
    assertThat(gateway.platform()).isEqualTo(Platform.TELEGRAM);
  }

  @Test
  void aPictureFollowsItsTextAsAPhoto() {
    OutgoingMessage progress =
        OutgoingMessage.text("📊 Progress of Ada")
            .withPicture(new Picture("progress.png", PNG, "Chart"));

    gateway.send(PRIVATE, progress);

    assertThat(api.calls("sendMessage")).hasSize(1);
    FakeBotApi.Call photo = api.calls("sendPhoto").get(0);
    assertThat(photo.body().path("chat_id").asText()).isEqualTo("300");
    assertThat(photo.body().path("photo").asText()).isEqualTo("progress.png");
    assertThat(photo.body().path("photo_png").asBoolean()).isTrue();
    assertThat(photo.body().path("photo_size").asInt()).isEqualTo(PNG.length);
    assertThat(photo.body().path("caption").asText()).isEqualTo("Chart");
  }

  @Test
  void aRefusedPictureLeavesTheTextDelivered() {
    api.fail("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS");
    OutgoingMessage progress =
        OutgoingMessage.text("📊 Progress of Ada")
            .withPicture(new Picture("progress.png", PNG, "Chart"));

    String id = gateway.send(PRIVATE, progress);

    assertThat(id).isNotEmpty();
    assertThat(api.calls("sendMessage")).hasSize(1);
    assertThat(api.calls("sendPhoto")).hasSize(1);
  }

  @Test
  void everythingPostedIntoAForumTopicCarriesItsThreadIdAndTheMainThreadNone() {
    ChatRef topic = GROUP.inTopic("7");
    OutgoingMessage progress =
        OutgoingMessage.text("📊 Progress").withPicture(new Picture("progress.png", PNG, "Chart"));
    TelegramInteraction press = new TelegramInteraction(topic, "Ada", Optional.empty());

    gateway.send(topic, progress);
    gateway.reply(press, new Reply(topic, OutgoingMessage.text("verdict").personal()));
    gateway.send(GROUP, OutgoingMessage.text("main"));

    assertThat(api.calls("sendMessage"))
        .extracting(call -> call.body().path("message_thread_id").asText(""))
        .containsExactly("7", "7", "");
    assertThat(api.calls("sendPhoto").get(0).body().path("message_thread_id").asText())
        .isEqualTo("7");
  }

  @Test
  void aTimedSendMeetingAFloodWaitLeavesTheWaitToTheSender() {
    api.answer(
        "sendMessage",
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
            + "\"parameters\":{\"retry_after\":5}}");

    assertThatThrownBy(() -> gateway.send(GROUP, OutgoingMessage.text("lesson")))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void aClosedTopicIsAPermanentRefusal() {
    api.fail("sendMessage", 400, "Bad Request: TOPIC_CLOSED");

    assertThatThrownBy(() -> gateway.send(GROUP.inTopic("7"), OutgoingMessage.text("lesson")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
  }

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0, 'I', 'E', 'N', 'D'
  };
}
