package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.testing.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageWatchTest {

  @Test
  void tellsAFullOrReadOnlyDiskFromOtherFailures() {
    assertThat(StorageWatch.storageBroken(new SQLException("closed", "90098", 90098))).isTrue();
    assertThat(
            StorageWatch.storageBroken(
                new IllegalStateException("x", new java.io.IOException("No space left on device"))))
        .isTrue();
    assertThat(StorageWatch.storageBroken(new SQLException("syntax", "42000", 42000))).isFalse();
    assertThat(StorageWatch.storageBroken(new SQLException("timeout", "08001"))).isFalse();
  }

  @Test
  void aWriteTheEmbeddedDatabaseCouldNotMakeIsReportedOnce() {
    try (Database database = Database.open(TestDatabases.h2())) {
      List<Throwable> reported = new ArrayList<>();
      database.onBrokenStorage(reported::add);
      SQLException full = new SQLException("IO Exception: No space left on device", "90028", 90028);

      database.failed(new SQLException("constraint", "23505", 23505));
      database.failed(new IllegalStateException("commit failed", full));
      database.failed(full);

      assertThat(reported).hasSize(1);
    }
  }
}
