package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** The study store contract on PostgreSQL, each test in a fresh schema. */
class PostgresStudyRepositoryTest extends StudyRepositoryContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    TestDatabases.dropPostgres(settings);
  }
}
