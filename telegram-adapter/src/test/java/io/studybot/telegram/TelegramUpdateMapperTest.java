package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.IncomingEvent;
import io.studybot.core.chat.Platform;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramUpdateMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TelegramUpdateMapper mapper =
      new TelegramUpdateMapper(() -> Optional.of("StudyBot"));

  private static Update update(String json) throws Exception {
    return JSON.readValue(json.replace('\'', '"'), Update.class);
  }

  private static String message(String chat, String text) {
    return "{'update_id': 1, 'message': {'message_id': 5, 'date': 1700000000,"
        + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada', 'last_name': 'Lovelace',"
        + " 'language_code': 'zh-hans'}, 'chat': "
        + chat
        + ", 'text': '"
        + text
        + "'}}";
  }

  private static final String PRIVATE = "{'id': 300, 'type': 'private', 'first_name': 'Ada'}";
  private static final String GROUP = "{'id': -500, 'type': 'group', 'title': 'Study'}";

  @Test
  void aCommandInAPrivateChatCarriesTheUserAndTheirLanguage() throws Exception {
    IncomingEvent event =
        mapper.map(update(message(PRIVATE, "/settings zone Europe/Berlin"))).orElseThrow().event();

    assertThat(event).isInstanceOf(IncomingEvent.Command.class);
    IncomingEvent.Command command = (IncomingEvent.Command) event;
    assertThat(command.name()).isEqualTo("settings");
    assertThat(command.args()).containsExactly("zone", "Europe/Berlin");
    assertThat(command.chat()).isEqualTo(new ChatRef(Platform.TELEGRAM, "300", ChatKind.PRIVATE));
    assertThat(command.user().externalId()).isEqualTo("300");
    assertThat(command.user().displayName()).isEqualTo("Ada Lovelace");
    assertThat(command.user().languageHint()).contains("zh-hans");
  }

  @Test
  void aCommandAddressedToThisBotInAGroupIsAGroupCommand() throws Exception {
    IncomingEvent event =
        mapper.map(update(message(GROUP, "/quiz@StudyBot"))).orElseThrow().event();

    assertThat(event).isInstanceOf(IncomingEvent.Command.class);
    assertThat(((IncomingEvent.Command) event).name()).isEqualTo("quiz");
    assertThat(event.chat()).isEqualTo(new ChatRef(Platform.TELEGRAM, "-500", ChatKind.GROUP));
  }

  @Test
  void aCommandForAnotherBotIsIgnored() throws Exception {
    assertThat(mapper.map(update(message(GROUP, "/quiz@OtherBot")))).isEmpty();
  }

  @Test
  void aSupergroupIsAGroupAndAChannelIsIgnored() throws Exception {
    String supergroup = "{'id': -1001, 'type': 'supergroup', 'title': 'Big'}";
    String channel = "{'id': -1002, 'type': 'channel', 'title': 'News'}";

    assertThat(
            mapper
                .map(update(message(supergroup, "/progress")))
                .orElseThrow()
                .event()
                .chat()
                .kind())
        .isEqualTo(ChatKind.GROUP);
    assertThat(mapper.map(update(message(channel, "/progress")))).isEmpty();
  }

  @Test
  void plainTextIsText() throws Exception {
    IncomingEvent event =
        mapper.map(update(message(PRIVATE, "Europe/Berlin"))).orElseThrow().event();

    assertThat(event)
        .isEqualTo(new IncomingEvent.Text(event.user(), event.chat(), "Europe/Berlin"));
  }

  @Test
  void messagesWithoutTextAndMessagesFromBotsAreIgnored() throws Exception {
    Update sticker =
        update(
            "{'update_id': 2, 'message': {'message_id': 6, 'date': 1700000000,"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'}, 'chat': "
                + PRIVATE
                + "}}");
    Update fromBot = update(message(GROUP, "/quiz").replace("'is_bot': false", "'is_bot': true"));

    assertThat(mapper.map(sticker)).isEmpty();
    assertThat(mapper.map(fromBot)).isEmpty();
  }

  @Test
  void anAnonymousAdminsCommandIsAnAdminsCommandAndAnotherChannelsIsIgnored() throws Exception {
    String anonymous =
        "{'update_id': 3, 'message': {'message_id': 7, 'date': 1700000000,"
            + " 'from': {'id': 1087968824, 'is_bot': true, 'first_name': 'Group',"
            + " 'username': 'GroupAnonymousBot'}, 'sender_chat': "
            + "SENDER"
            + ", 'chat': "
            + GROUP
            + ", 'text': '/subscribe 08:00'}}";

    IncomingEvent event =
        mapper.map(update(anonymous.replace("SENDER", GROUP))).orElseThrow().event();

    assertThat(event).isInstanceOf(IncomingEvent.Command.class);
    IncomingEvent.Command command = (IncomingEvent.Command) event;
    assertThat(command.senderIsChatAdmin()).isTrue();
    assertThat(command.name()).isEqualTo("subscribe");
    assertThat(command.user().externalId()).isEqualTo("admins-of--500");
    assertThat(command.user().displayName()).isEqualTo("Study admins");
    String channel = "{'id': -100777, 'type': 'channel', 'title': 'News'}";
    assertThat(mapper.map(update(anonymous.replace("SENDER", channel)))).isEmpty();
  }

  @Test
  void aCallbackQueryIsAButtonPressOnItsMessage() throws Exception {
    Update update =
        update(
            "{'update_id': 3, 'callback_query': {'id': 'cq-9', 'data': 'a:17:2',"
                + " 'from': {'id': 301, 'is_bot': false, 'first_name': '<b>Eve & co</b>'},"
                + " 'message': {'message_id': 44, 'date': 1700000000, 'chat': "
                + GROUP
                + ", 'text': 'Question 1 of 3'}}}");

    TelegramUpdateMapper.Inbound inbound = mapper.map(update).orElseThrow();

    assertThat(inbound.callbackQueryId()).contains("cq-9");
    IncomingEvent.ButtonPress press = (IncomingEvent.ButtonPress) inbound.event();
    assertThat(press.payload()).isEqualTo("a:17:2");
    assertThat(press.messageId()).contains("44");
    assertThat(press.chat().kind()).isEqualTo(ChatKind.GROUP);
    assertThat(press.user().displayName()).isEqualTo("<b>Eve & co</b>");
    assertThat(press.user().languageHint()).isEmpty();
  }

  @Test
  void aCallbackOnAnInaccessibleMessageStillKnowsItsChat() throws Exception {
    Update update =
        update(
            "{'update_id': 4, 'callback_query': {'id': 'cq-10', 'data': 's:lang:en',"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'message': {'message_id': 45, 'date': 0, 'chat': "
                + PRIVATE
                + "}}}");

    IncomingEvent event = mapper.map(update).orElseThrow().event();

    assertThat(event.chat().id()).isEqualTo("300");
  }

  @Test
  void aNameFallsBackToTheUsernameThenTheId() throws Exception {
    Update withUsername =
        update(
            "{'update_id': 5, 'message': {'message_id': 7, 'date': 1700000000,"
                + " 'from': {'id': 302, 'is_bot': false, 'first_name': ' ', 'username': 'eve'},"
                + " 'chat': "
                + PRIVATE
                + ", 'text': 'hi'}}");

    assertThat(mapper.map(withUsername).orElseThrow().event().user().displayName())
        .isEqualTo("@eve");
  }

  @Test
  void withoutKnowingItsOwnNameTheBotTakesAddressedCommands() throws Exception {
    TelegramUpdateMapper unnamed = new TelegramUpdateMapper(Optional::empty);

    assertThat(unnamed.map(update(message(GROUP, "/today@AnyBot")))).isPresent();
    assertThat(unnamed.map(update(message(GROUP, "/today")))).isPresent();
  }

  private static final String FORUM = "{'id': -1009, 'type': 'supergroup', 'title': 'Forum'}";

  @Test
  void aMessageInAForumTopicCarriesTheTopicAndAReplyThreadInAGroupDoesNot() throws Exception {
    String inTopic =
        message(FORUM, "/quiz")
            .replace("'text'", "'message_thread_id': 7, 'is_topic_message': true, 'text'");
    String replyThread =
        message(FORUM, "/quiz").replace("'text'", "'message_thread_id': 8, 'text'");

    ChatRef topic = mapper.map(update(inTopic)).orElseThrow().event().chat();
    ChatRef main = mapper.map(update(replyThread)).orElseThrow().event().chat();

    assertThat(topic)
        .isEqualTo(new ChatRef(Platform.TELEGRAM, "-1009", ChatKind.GROUP).inTopic("7"));
    assertThat(main.topic()).isNull();
  }

  @Test
  void aPressUnderAMessageInAForumTopicCarriesTheTopic() throws Exception {
    Update press =
        update(
            "{'update_id': 3, 'callback_query': {'id': 'cq', 'data': 'a:1:0',"
                + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'message': {'message_id': 44, 'date': 1700000000, 'chat': "
                + FORUM
                + ", 'message_thread_id': 7, 'is_topic_message': true}}}");

    assertThat(mapper.map(press).orElseThrow().event().chat().topic()).isEqualTo("7");
  }

  @Test
  void bothServiceMessagesOfAnUpgradeNameTheOldAndTheNewId() throws Exception {
    String inOldGroup =
        "{'update_id': 4, 'message': {'message_id': 3, 'date': 1700000000,"
            + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
            + " 'chat': {'id': -500, 'type': 'group', 'title': 'S'}, 'migrate_to_chat_id': -1000500}}";
    String inSupergroup =
        "{'update_id': 5, 'message': {'message_id': 1, 'date': 1700000000,"
            + " 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
            + " 'chat': {'id': -1000500, 'type': 'supergroup', 'title': 'S'},"
            + " 'migrate_from_chat_id': -500}}";
    ChatRef old = new ChatRef(Platform.TELEGRAM, "-500", ChatKind.GROUP);

    assertThat(mapper.chatChange(update(inOldGroup)))
        .contains(new TelegramUpdateMapper.ChatMoved(old, "-1000500"));
    assertThat(mapper.chatChange(update(inSupergroup)))
        .contains(new TelegramUpdateMapper.ChatMoved(old, "-1000500"));
    assertThat(mapper.map(update(inOldGroup))).as("no text: no event").isEmpty();
    assertThat(mapper.chatChange(update(message(GROUP, "/quiz")))).isEmpty();
  }

  @Test
  void theBotLeftKickedOrMutedIsAGoneChatAndAnythingElseIsNot() throws Exception {
    ChatRef group = new ChatRef(Platform.TELEGRAM, "-500", ChatKind.GROUP);
    ChatRef ada = new ChatRef(Platform.TELEGRAM, "300", ChatKind.PRIVATE);

    assertThat(membership(GROUP, "'status': 'left'"))
        .contains(new TelegramUpdateMapper.ChatGone(group));
    assertThat(membership(PRIVATE, "'status': 'kicked', 'until_date': 0"))
        .contains(new TelegramUpdateMapper.ChatGone(ada));
    assertThat(membership(GROUP, restricted(false, true)))
        .contains(new TelegramUpdateMapper.ChatGone(group));
    assertThat(membership(GROUP, restricted(true, true))).isEmpty();
    assertThat(membership(GROUP, "'status': 'member'")).isEmpty();
    assertThat(membership(GROUP, "'status': 'administrator', 'can_be_edited': false")).isEmpty();
    assertThat(membership("{'id': -1002, 'type': 'channel', 'title': 'News'}", "'status': 'left'"))
        .isEmpty();
  }

  /** The bot's membership in {@code chat} changed to {@code member} (the fields after user). */
  private Optional<TelegramUpdateMapper.ChatChange> membership(String chat, String member)
      throws Exception {
    String bot = "'user': {'id': 9, 'is_bot': true, 'first_name': 'StudyBot'}";
    return mapper.chatChange(
        update(
            "{'update_id': 6, 'my_chat_member': {'chat': "
                + chat
                + ", 'from': {'id': 300, 'is_bot': false, 'first_name': 'Ada'},"
                + " 'date': 1700000000, 'old_chat_member': {'status': 'member', "
                + bot
                + "}, 'new_chat_member': {"
                + member
                + ", "
                + bot
                + "}}}"));
  }

  private static String restricted(boolean canSend, boolean isMember) {
    return "'status': 'restricted', 'is_member': "
        + isMember
        + ", 'can_send_messages': "
        + canSend
        + ", 'until_date': 0";
  }
}
