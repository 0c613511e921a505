/** Spaced review: the FSRS-6 scheduler that decides when each card comes back. */
package io.studybot.core.review;
