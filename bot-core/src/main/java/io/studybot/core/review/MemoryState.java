package io.studybot.core.review;

/** The two numbers FSRS keeps about a learner's memory of one card. */
record MemoryState(double stability, double difficulty) {}
