package io.studybot.core.state;

/**
 * The figures {@code /admin stats} shows. "Active" learners were seen in the last 24 hours (to the
 * hour: a learner's last-seen time is written at most once an hour); "today" is the UTC day: sent
 * counts deliveries sent since UTC midnight, failed those queued since then that failed for good;
 * pending is the outbox's queue.
 */
public record OperatorStats(
    long learners,
    long activeLearners,
    long subscribedGroups,
    long groups,
    long sentToday,
    long failedToday,
    long pending) {}
