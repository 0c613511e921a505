package io.studybot.core.schedule;

import io.studybot.core.chat.Platform;
import java.util.EnumSet;

/** Send scopes for tests. */
final class TestScopes {
  /** Every platform, every shard. */
  static final SendScope ALL = SendScope.of(EnumSet.allOf(Platform.class));

  private TestScopes() {}
}
