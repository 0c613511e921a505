/**
 * Timed delivery: due instants in each owner's local time, the dispatch tick that queues the day's
 * deliveries in the outbox, the sender that drains it at the platforms' rates, and the Quartz jobs
 * that drive both.
 */
package io.studybot.core.schedule;
