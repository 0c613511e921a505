/**
 * Curricula as data: the model (records), the YAML loader, the validator and the roadmap coverage.
 */
package io.studybot.content;
