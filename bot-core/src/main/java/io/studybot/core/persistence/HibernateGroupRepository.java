package io.studybot.core.persistence;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.study.GroupRepository;
import io.studybot.core.study.StudyGroup;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Study groups on one Hibernate session. */
final class HibernateGroupRepository implements GroupRepository {
  private final Session session;

  HibernateGroupRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<StudyGroup> byChat(ChatRef chat) {
    return session
        .createSelectionQuery(
            "from StudyGroup g where g.chat.platform = :platform and g.chat.chatId = :chatId",
            StudyGroup.class)
        .setParameter("platform", chat.platform())
        .setParameter("chatId", chat.id())
        .uniqueResultOptional();
  }

  @Override
  public Optional<StudyGroup> find(long groupId) {
    return Optional.ofNullable(session.find(StudyGroup.class, groupId));
  }

  @Override
  public List<StudyGroup> onServer(Platform platform, String server) {
    return session
        .createSelectionQuery(
            "from StudyGroup g where g.chat.platform = :platform and g.server = :server",
            StudyGroup.class)
        .setParameter("platform", platform)
        .setParameter("server", server)
        .getResultList();
  }

  @Override
  public StudyGroup add(StudyGroup group) {
    session.persist(group);
    return group;
  }
}
