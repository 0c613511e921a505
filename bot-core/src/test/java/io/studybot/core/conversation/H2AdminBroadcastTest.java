package io.studybot.core.conversation;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;

/** Operator figures and broadcasts on the embedded H2 database. */
class H2AdminBroadcastTest extends AdminBroadcastContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.h2();
  }
}
