package io.studybot.core.study;

import java.util.function.Function;

/**
 * The port to study state. Each event is handled in one transaction: the work sees a consistent
 * state and either all of its changes are stored or none.
 */
public interface StudyStore {

  <T> T inTransaction(Function<StudyRepository, T> work);
}
