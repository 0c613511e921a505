/**
 * Study state: learners and their accounts, groups, enrollments, quizzes and answers, and the rules
 * that change them (streaks in local days, one answer per question).
 */
package io.studybot.core.study;
