/**
 * The inbox: updates a platform delivers are stored before the platform is told they arrived, then
 * handled from the table in order per chat, once in effect, and again after a crash, a shutdown or
 * a database outage.
 */
@NullMarked
package io.studybot.core.inbox;

import org.jspecify.annotations.NullMarked;
