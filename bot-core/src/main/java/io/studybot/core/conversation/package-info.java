/**
 * The conversation: commands, texts and button presses in, replies out. Each event is one turn,
 * handled inside one transaction; replies are sent after it commits.
 */
package io.studybot.core.conversation;
