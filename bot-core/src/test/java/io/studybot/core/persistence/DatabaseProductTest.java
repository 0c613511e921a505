package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class DatabaseProductTest {

  @Test
  void theEmbeddedDatabaseIsKnownBeforeItOpensAsItReportsItselfOnceOpen() {
    DatabaseSettings settings = TestDatabases.h2();
    try (Database database = Database.open(settings)) {
      DatabaseProduct reported = DatabaseProduct.of(database.dataSource());
      assertThat(reported.name()).isEqualTo("H2");
      assertThat(DatabaseProduct.embedded(settings)).contains(reported);
    }
  }

  @Test
  void postgresIsAskedOnceConnected() {
    assertThat(
            DatabaseProduct.embedded(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1/studybot", "u", "", 4)))
        .isEmpty();
  }

  @Test
  void aUrlNoDriverTakesIsLeftToOpeningToReport() {
    assertThat(DatabaseProduct.embedded(new DatabaseSettings("jdbc:nosuch:db", "u", "", 4)))
        .isEmpty();
  }
}
