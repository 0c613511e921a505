/**
 * Persistence: the database (H2 file or PostgreSQL), Flyway migrations, and the Hibernate
 * implementation of the study store.
 */
package io.studybot.core.persistence;
