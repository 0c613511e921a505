package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** The repositories' contract on PostgreSQL, each test in a fresh schema. */
class PostgresRepositoryTest extends RepositoryContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    TestDatabases.dropPostgres(settings);
  }
}
