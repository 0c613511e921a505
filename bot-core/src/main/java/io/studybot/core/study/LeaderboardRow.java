package io.studybot.core.study;

/** One member of a group's leaderboard: the topics they studied and their answers in the group. */
public record LeaderboardRow(Learner learner, long topicsDone, LearnerStats statsInGroup) {}
