package io.studybot.core.study;

import io.studybot.core.chat.Platform;
import java.time.Instant;
import java.util.Optional;

/** Learners and their platform accounts, inside one transaction. */
public interface LearnerRepository {

  Optional<Learner> byAccount(Platform platform, String externalId);

  Optional<Learner> find(long learnerId);

  /** Stores a new learner and links the platform account to them. */
  Learner add(Learner learner, Platform platform, String externalId);

  /** Deletes a learner with everything that belongs to them, queued deliveries included. */
  void delete(long learnerId);

  /** How many platform accounts the learner has. */
  int accountCount(long learnerId);

  /** Stores a one-time link code for the learner, replacing any code they had. */
  void issueLinkCode(long learnerId, String code, Instant expiresAt);

  /** The learner who issued the code, if it exists and has not expired; a code works once. */
  Optional<Long> redeemLinkCode(String code, Instant now);

  /**
   * Joins learner {@code from} into learner {@code into}: accounts, course positions (the further
   * one), completed topics (the union), answers, and review cards (for a question both have, the
   * card with more reviews) move over, then {@code from} is deleted. Entities loaded before are not
   * to be used afterwards.
   */
  void absorb(long from, long into);

  /**
   * Gives one account of a learner its own learner: {@code copy}, new, is stored with a copy of the
   * course positions, completed topics and review cards; answers stay where they were.
   */
  void splitOff(long learnerId, Platform platform, String externalId, Learner copy);
}
