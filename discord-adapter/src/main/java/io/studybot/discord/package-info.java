/**
 * The Discord adapter: slash commands, button presses and direct messages into core events; core
 * messages into Discord messages (embeds for lessons, buttons for answers, ephemeral replies for
 * one person). It translates only; it never touches the database. {@link
 * io.studybot.discord.DiscordAdapter} starts it.
 */
package io.studybot.discord;
