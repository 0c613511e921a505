package io.studybot.app;

import java.util.Map;

/** Killed and restarted on the embedded H2 database. */
class H2InboxCrashIT extends InboxCrashContract {
  @Override
  protected Map<String, String> database() {
    return Map.of();
  }
}
