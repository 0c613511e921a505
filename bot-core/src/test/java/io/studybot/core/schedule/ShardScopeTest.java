package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.persistence.Database;
import io.studybot.core.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim keeps to this instance's shards on H2 too (PostgreSQL: the two-instance test).
 */
class ShardScopeTest {

  @Test
  void eachSenderTakesOnlyItsShardsServersAndShardZeroTheDirectMessages() throws Exception {
    Instant now = Instant.now();
    try (Database database = Database.open(TestDatabases.h2())) {
      List<String> dms = ShardedOutbox.fill(database, now.minusSeconds(1), 40, 5);
      Map<String, String> sentBy = new ConcurrentHashMap<>();

      int high = ShardedOutbox.sender(database, 2, 3, sentBy, "high").drain();
      assertThat(sentBy.keySet())
          .allSatisfy(chat -> assertThat(ShardedOutbox.shardOf(chat)).isGreaterThanOrEqualTo(2));
      int low = ShardedOutbox.sender(database, 0, 1, sentBy, "low").drain();

      assertThat(high).isEqualTo(20);
      assertThat(low).isEqualTo(25);
      assertThat(sentBy).containsKeys(dms.toArray(String[]::new));
      dms.forEach(dm -> assertThat(sentBy).containsEntry(dm, "low"));
    }
  }
}
