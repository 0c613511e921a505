package io.studybot.core.chat;

import java.util.List;

/**
 * The inbound port: an adapter hands the core one event and gets back the replies to show, after
 * the state they announce is committed. The adapter decides how each reply is shown (a popup, an
 * ephemeral reply, an edit of the pressed message) while the interaction is in its hands.
 */
@FunctionalInterface
public interface ChatHandler {

  /**
   * Handles one event. Never throws: a failure is logged and answered with a reply saying so, and
   * changes nothing.
   */
  List<Reply> handle(IncomingEvent event);
}
