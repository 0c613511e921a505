/**
 * The Telegram adapter: Bot API updates into core events, core messages into Telegram methods. It
 * translates only; it never touches the database.
 */
package io.studybot.telegram;
