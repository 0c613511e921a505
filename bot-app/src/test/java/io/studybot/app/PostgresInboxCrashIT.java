package io.studybot.app;

import io.studybot.core.persistence.DatabaseSettings;
import io.studybot.core.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Killed and restarted on PostgreSQL, in a fresh schema. */
class PostgresInboxCrashIT extends InboxCrashContract {
  private DatabaseSettings settings;

  @Override
  protected Map<String, String> database() {
    settings = TestDatabases.postgres();
    return Map.of("STUDYBOT_DB_URL", settings.url(), "STUDYBOT_DB_USER", settings.user());
  }

  @AfterEach
  void drop() {
    if (settings != null) {
      TestDatabases.dropPostgres(settings);
    }
  }
}
