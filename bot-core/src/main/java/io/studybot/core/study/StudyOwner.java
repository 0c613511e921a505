package io.studybot.core.study;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** Who studies a course and gets its deliveries: one learner, or a group chat together. */
public record StudyOwner(Kind kind, long id) {

  /** A learner or a group. */
  public enum Kind {
    LEARNER,
    GROUP
  }

  public StudyOwner {
    requireNonNull(kind, "kind");
  }

  public static StudyOwner learner(long learnerId) {
    return new StudyOwner(Kind.LEARNER, learnerId);
  }

  public static StudyOwner group(long groupId) {
    return new StudyOwner(Kind.GROUP, groupId);
  }

  /**
   * The owner stored as a pair of nullable columns, exactly one of them set.
   *
   * @throws IllegalArgumentException when neither or both are set
   */
  public static StudyOwner fromColumns(@Nullable Long learnerId, @Nullable Long groupId) {
    if ((learnerId == null) == (groupId == null)) {
      throw new IllegalArgumentException("exactly one of learner and group must be set");
    }
    return learnerId != null ? learner(learnerId) : group(requireNonNull(groupId));
  }

  public boolean isLearner() {
    return kind == Kind.LEARNER;
  }

  /** The learner column's value: the id for a learner, null for a group. */
  public @Nullable Long learnerColumn() {
    return isLearner() ? id : null;
  }

  /** The group column's value: the id for a group, null for a learner. */
  public @Nullable Long groupColumn() {
    return isLearner() ? null : id;
  }

  /** A short stable key, such as {@code L42} or {@code G7}. */
  public String key() {
    return (isLearner() ? "L" : "G") + id;
  }
}
