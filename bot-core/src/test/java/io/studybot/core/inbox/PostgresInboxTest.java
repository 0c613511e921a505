package io.studybot.core.inbox;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;

/** The inbox on PostgreSQL, each test in a fresh schema. */
class PostgresInboxTest extends InboxContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    TestDatabases.dropPostgres(settings);
  }
}
