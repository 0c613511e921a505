/**
 * The Discord adapter: JDA interactions into core events, core messages into Discord messages. It
 * translates only; it never touches the database.
 */
package io.studybot.discord;
