package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

/** For the health check: which of this instance's sessions are not connected to the gateway. */
class DiscordConnectionTest {

  @Test
  void oneSessionIsConnectedOrSaysItsStatus() {
    JDA jda = mock(JDA.class);
    when(jda.getStatus()).thenReturn(JDA.Status.CONNECTED);
    DiscordConnection connection = DiscordConnection.of(jda);
    assertThat(connection.notConnected()).isEmpty();

    when(jda.getStatus()).thenReturn(JDA.Status.WAITING_TO_RECONNECT);
    assertThat(connection.notConnected()).containsExactly("session WAITING_TO_RECONNECT");
  }

  @Test
  void everyShardOfTheRangeMustBeConnectedAndOneNotStartedYetCounts() {
    ShardManager shards = mock(ShardManager.class);
    JDA two = mock(JDA.class);
    JDA three = mock(JDA.class);
    when(two.getStatus()).thenReturn(JDA.Status.CONNECTED);
    when(three.getStatus()).thenReturn(JDA.Status.ATTEMPTING_TO_RECONNECT);
    when(shards.getShardById(2)).thenReturn(two);
    when(shards.getShardById(3)).thenReturn(three);

    DiscordConnection connection = DiscordConnection.of(shards, List.of(2, 3, 4));

    assertThat(connection.notConnected())
        .containsExactly("shard 3 ATTEMPTING_TO_RECONNECT", "shard 4 INITIALIZING");
    when(three.getStatus()).thenReturn(JDA.Status.CONNECTED);
    when(shards.getShardById(4)).thenReturn(two);
    assertThat(connection.notConnected()).isEmpty();
  }
}
