package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** Operations' reads on PostgreSQL, each test in a fresh schema. */
class PostgresOperationsTest extends OperationsContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    TestDatabases.dropPostgres(settings);
  }
}
