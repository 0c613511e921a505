package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** The repositories' contract on the embedded H2 database. */
class H2RepositoryTest extends RepositoryContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.h2();
  }
}
