package io.studybot.core.study;

import io.studybot.core.chat.Platform;
import java.util.Optional;

/** Learners and their platform accounts, inside one transaction. */
public interface LearnerRepository {

  Optional<Learner> byAccount(Platform platform, String externalId);

  Optional<Learner> find(long learnerId);

  /** Stores a new learner and links the platform account to them. */
  Learner add(Learner learner, Platform platform, String externalId);

  /** Deletes a learner with everything that belongs to them, queued deliveries included. */
  void delete(long learnerId);
}
