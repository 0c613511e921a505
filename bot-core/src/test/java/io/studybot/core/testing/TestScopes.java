package io.studybot.core.testing;

import io.studybot.core.chat.Platform;
import io.studybot.core.schedule.SendScope;
import java.util.EnumSet;

/** Send scopes for tests. */
public final class TestScopes {
  /** Every platform, every shard. */
  public static final SendScope ALL = SendScope.of(EnumSet.allOf(Platform.class));

  private TestScopes() {}
}
