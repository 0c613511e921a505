package io.studybot.discord;

/**
 * Runs an action if a piece of work outlasts its deadline; the interaction listener uses it to
 * defer an answer before Discord's three seconds run out.
 */
@FunctionalInterface
interface Watchdog {

  /**
   * Arms the watchdog for one piece of work.
   *
   * @return disarms it; after that the action no longer runs
   */
  Runnable arm(Runnable onDeadline);
}
