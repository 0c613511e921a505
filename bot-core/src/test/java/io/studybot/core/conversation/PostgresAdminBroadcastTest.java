package io.studybot.core.conversation;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;

/** Operator figures and broadcasts on PostgreSQL, each test in a fresh schema. */
class PostgresAdminBroadcastTest extends AdminBroadcastContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    TestDatabases.dropPostgres(settings);
  }
}
