package io.studybot.core.inbox;

import io.studybot.core.chat.Reply;
import java.util.List;

/**
 * Written in a turn's own transaction: the update it handled is marked handled with the replies to
 * show, so a crash after the commit shows those replies again instead of handling it twice.
 */
@FunctionalInterface
public interface InboxReceipts {
  void handled(long rowId, List<Reply> replies);
}
