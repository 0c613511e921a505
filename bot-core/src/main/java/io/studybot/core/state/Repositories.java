package io.studybot.core.state;

import static java.util.Objects.requireNonNull;

import io.studybot.core.inbox.InboxReceipts;
import io.studybot.core.schedule.DeliveryScheduleRepository;
import io.studybot.core.study.EnrollmentRepository;
import io.studybot.core.study.GroupRepository;
import io.studybot.core.study.LearnerRepository;
import io.studybot.core.study.QuizRepository;
import io.studybot.core.study.ReviewCardRepository;

/** The repositories of one transaction, all sharing it. Entities they return may be changed. */
public record Repositories(
    LearnerRepository learners,
    GroupRepository groups,
    EnrollmentRepository enrollments,
    QuizRepository quizzes,
    ReviewCardRepository cards,
    DeliveryScheduleRepository schedules,
    OperatorRepository operators,
    InboxReceipts inbox) {

  public Repositories {
    requireNonNull(learners, "learners");
    requireNonNull(groups, "groups");
    requireNonNull(enrollments, "enrollments");
    requireNonNull(quizzes, "quizzes");
    requireNonNull(cards, "cards");
    requireNonNull(schedules, "schedules");
    requireNonNull(operators, "operators");
    requireNonNull(inbox, "inbox");
  }
}
