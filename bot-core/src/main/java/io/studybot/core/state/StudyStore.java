package io.studybot.core.state;

import java.util.function.Function;

/**
 * The port to study state. Each event is handled in one transaction: the work sees a consistent
 * state and either all of its changes are stored or none. The work may run more than once (when it
 * lost a race for a unique row), so it must not act outside the transaction.
 */
public interface StudyStore {

  <T> T inTransaction(Function<Repositories, T> work);

  /** The answer path in plain SQL, where the database has it; {@link DirectAnswers#NONE} if not. */
  default DirectAnswers directAnswers() {
    return DirectAnswers.NONE;
  }
}
