package io.studybot.core.inbox;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;

/** The inbox on H2. */
class H2InboxTest extends InboxContract {
  @Override
  protected DatabaseSettings createDatabase() {
    return TestDatabases.h2();
  }
}
