/**
 * The port to stored state: a transaction and the role-named repositories that share it.
 * Implemented in {@code io.studybot.core.persistence}.
 */
package io.studybot.core.state;
