package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.Platform;
import java.util.Optional;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Messages the core sends outside an interaction: daily deliveries by DM and to groups. */
class JdaChatGatewayTest {
  private final FakeDiscord discord = new FakeDiscord();
  private final JdaChatGateway gateway = new JdaChatGateway(discord.connection, ShardRange.WHOLE);
  private final ChatRef learner = new ChatRef(Platform.DISCORD, "4242", ChatKind.PRIVATE);
  private final ChatRef group = new ChatRef(Platform.DISCORD, "700", ChatKind.GROUP);

  @Test
  void aDailyLessonReachesALearnerByDm() {
    String id = gateway.send(learner, DiscordRendererTest.lesson(2, "print(1)"));

    assertThat(discord.hows()).containsExactly("dm");
    assertThat(discord.last().data.getEmbeds()).hasSize(1);
    // The id of the message Discord created (the fake numbers them from 9001).
    assertThat(id).isEqualTo("9001");
  }

  @Test
  void aDmToSomeoneWhoClosedTheirDmsIsAPermanentFailure() {
    refuseDms(ErrorResponse.CANNOT_SEND_TO_USER);

    assertThatThrownBy(() -> gateway.send(learner, OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      ErrorResponseException.class,
                      cause ->
                          assertThat(cause.getErrorResponse())
                              .isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
            });
  }

  @Test
  void aDiscordServerErrorIsWorthRetrying() {
    refuseDms(ErrorResponse.SERVER_ERROR);

    assertThatThrownBy(() -> gateway.send(learner, OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
  }

  @Test
  void aChannelOnAServerAnotherInstanceServesIsOnlyOutOfSight() {
    JdaChatGateway shardsZeroAndOne =
        new JdaChatGateway(discord.connection, new ShardRange(0, 1, 4));
    ChatRef elsewhere = channelOn(serverOnShard(3, 4));

    assertThatThrownBy(() -> shardsZeroAndOne.send(elsewhere, OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.permanent()).isFalse();
              assertThat(e.getMessage()).contains("not on this instance's shards 0-1/4");
            });
  }

  @Test
  void aChannelMissingFromALoadedServerOnThisInstancesShardIsGone() {
    JdaChatGateway shardsZeroAndOne =
        new JdaChatGateway(discord.connection, new ShardRange(0, 1, 4));
    String server = serverOnShard(1, 4);
    when(discord.connection.hasLoaded(server)).thenReturn(true);

    assertThatThrownBy(
            () -> shardsZeroAndOne.send(channelOn(server), OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.getMessage()).contains("is gone");
            });
  }

  @Test
  void aChannelOnThisInstancesShardIsNotGoneWhileItsServerIsNotLoaded() {
    JdaChatGateway shardsZeroAndOne =
        new JdaChatGateway(discord.connection, new ShardRange(0, 1, 4));
    String server = serverOnShard(0, 4);
    when(discord.connection.hasLoaded(server)).thenReturn(false); // connecting, or an outage

    assertThatThrownBy(
            () -> shardsZeroAndOne.send(channelOn(server), OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
  }

  @Test
  void anUnshardedBotHoldsEveryServerSoAMissingChannelIsGone() {
    String server = serverOnShard(3, 4);
    when(discord.connection.hasLoaded(server)).thenReturn(true);

    assertThatThrownBy(() -> gateway.send(channelOn(server), OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
  }

  @Test
  void aMissingChannelWhoseServerWasNeverStoredIsNotCalledGone() {
    when(discord.connection.guildChannel("800")).thenReturn(Optional.empty());
    ChatRef unknownServer = new ChatRef(Platform.DISCORD, "800", ChatKind.GROUP);

    assertThatThrownBy(() -> gateway.send(unknownServer, OutgoingMessage.text("Day 2")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
  }

  /** A channel this instance does not hold, on the server. */
  private ChatRef channelOn(String server) {
    when(discord.connection.guildChannel("800")).thenReturn(Optional.empty());
    return new ChatRef(Platform.DISCORD, "800", ChatKind.GROUP).onServer(server);
  }

  /** A server id that Discord's rule, (id >> 22) % total, puts on the shard. */
  static String serverOnShard(int shard, int total) {
    return String.valueOf(((1_000_000_000L * total + shard) << 22) | 4095);
  }

  @Test
  void aReplacingMessageEditsTheOneItReplaces() {
    gateway.send(learner, OutgoingMessage.text("Answered").replacing(Optional.of("9001")));

    assertThat(discord.hows()).containsExactly("dmEdit");
  }

  @Test
  void aPersonalMessageOutsideAnInteractionStillReachesTheChat() {
    gateway.send(group, OutgoingMessage.text("Only for you").personal());

    assertThat(discord.hows()).containsExactly("channel");
  }

  @Test
  void theGatewayDeclaresDiscordsRateLimits() {
    assertThat(gateway.rateLimits().messagesPerSecond()).isLessThanOrEqualTo(50);
    assertThat(gateway.rateLimits().gapFor(group)).isPositive();
    assertThat(gateway.platform()).isEqualTo(Platform.DISCORD);
  }

  @Test
  void aPictureIsAttachedToTheMessage() {
    gateway.send(learner, OutgoingMessage.text("📊 Progress").withPicture(picture()));

    assertThat(discord.last().data.getFiles())
        .singleElement()
        .satisfies(file -> assertThat(file.getName()).isEqualTo("progress.png"));
  }

  @Test
  void aChannelThatRefusesThePictureStillGetsTheText() {
    ErrorResponseException missing = mock(ErrorResponseException.class);
    when(missing.getErrorResponse()).thenReturn(ErrorResponse.MISSING_PERMISSIONS);
    MessageCreateAction refused = mock(MessageCreateAction.class);
    when(refused.complete()).thenThrow(missing);
    doReturn(refused)
        .when(discord.serverChannel)
        .sendMessage(argThat((MessageCreateData data) -> !data.getFiles().isEmpty()));

    gateway.send(group, OutgoingMessage.text("📅 This group's week").withPicture(picture()));

    assertThat(discord.hows()).containsExactly("channel");
    assertThat(discord.last().data.getFiles()).isEmpty();
    assertThat(discord.last().data.getContent()).contains("This group's week");
  }

  private static Picture picture() {
    return new Picture("progress.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Chart");
  }

  private void refuseDms(ErrorResponse why) {
    ErrorResponseException refusal = mock(ErrorResponseException.class);
    when(refusal.getErrorResponse()).thenReturn(why);
    when(refusal.getMeaning()).thenReturn(why.getMeaning());
    MessageCreateAction action = mock(MessageCreateAction.class);
    when(action.complete()).thenThrow(refusal);
    when(discord.dmChannel.sendMessage(any(MessageCreateData.class))).thenReturn(action);
  }
}
