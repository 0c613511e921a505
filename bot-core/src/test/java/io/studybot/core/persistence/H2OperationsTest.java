package io.studybot.core.persistence;

import io.studybot.core.testing.TestDatabases;

/** Operations' reads on the embedded H2 database. */
class H2OperationsTest extends OperationsContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.h2();
  }
}
