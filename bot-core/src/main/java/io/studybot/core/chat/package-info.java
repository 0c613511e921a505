/**
 * The core's two ports: events adapters bring in, and platform-neutral messages the core sends out
 * through a {@link io.studybot.core.chat.ChatGateway}.
 */
package io.studybot.core.chat;
