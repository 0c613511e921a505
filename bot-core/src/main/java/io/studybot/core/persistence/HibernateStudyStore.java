package io.studybot.core.persistence;

import io.studybot.core.study.StudyRepository;
import io.studybot.core.study.StudyStore;
import java.util.function.Function;
import org.hibernate.SessionFactory;

/** The study store on Hibernate: one session and transaction per unit of work. */
public final class HibernateStudyStore implements StudyStore {
  private final SessionFactory sessionFactory;

  public HibernateStudyStore(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  @Override
  public <T> T inTransaction(Function<StudyRepository, T> work) {
    return sessionFactory.fromTransaction(
        session -> work.apply(new HibernateStudyRepository(session)));
  }
}
