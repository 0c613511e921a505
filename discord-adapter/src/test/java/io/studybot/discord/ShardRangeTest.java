package io.studybot.discord;

import static io.studybot.discord.JdaChatGatewayTest.serverOnShard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which servers and chats the shards of one instance serve. */
class ShardRangeTest {

  @Test
  void aServersShardFollowsDiscordsRule() {
    // A real server id: (81384788765712384 >> 22) = 19403645698, and 19403645698 % 4 = 2.
    assertThat(ShardRange.shardOf("81384788765712384", 4)).isEqualTo(2);
    assertThat(ShardRange.shardOf("81384788765712384", 1)).isZero();
    assertThat(ShardRange.shardOf(serverOnShard(5, 8), 8)).isEqualTo(5);
  }

  @Test
  void anInstanceRunsTheServersOfItsShardsOnly() {
    ShardRange middle = ShardRange.parse("2-3/8");

    assertThat(middle.runs(serverOnShard(2, 8))).isTrue();
    assertThat(middle.runs(serverOnShard(3, 8))).isTrue();
    assertThat(middle.runs(serverOnShard(1, 8))).isFalse();
    assertThat(middle.runs(serverOnShard(4, 8))).isFalse();
  }

  @Test
  void directMessagesBelongToShardZerosInstance() {
    assertThat(ShardRange.parse("0-3/8").sendsDirectMessages()).isTrue();
    assertThat(ShardRange.parse("4-7/8").sendsDirectMessages()).isFalse();
  }

  @Test
  void anUnshardedBotRunsEveryServerAndTheDirectMessages() {
    assertThat(ShardRange.WHOLE.runs(serverOnShard(7, 8))).isTrue();
    assertThat(ShardRange.WHOLE.sendsDirectMessages()).isTrue();
    assertThat(
            new DiscordSettings("token", java.util.Optional.empty(), java.util.Optional.empty())
                .shardRange())
        .isEqualTo(ShardRange.WHOLE);
  }

  @Test
  void aRangeOutsideItsTotalIsRefused() {
    assertThatThrownBy(() -> ShardRange.parse("2-8/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= FIRST <= LAST < TOTAL");
  }
}
