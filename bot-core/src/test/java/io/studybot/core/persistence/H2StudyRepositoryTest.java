package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** The study store contract on the embedded H2 database. */
class H2StudyRepositoryTest extends StudyRepositoryContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.h2();
  }
}
