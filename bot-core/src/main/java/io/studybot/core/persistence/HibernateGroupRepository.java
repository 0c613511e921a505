package io.studybot.core.persistence;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import io.studybot.core.study.GroupRepository;
import io.studybot.core.study.StudyGroup;
import java.sql.PreparedStatement;
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

  @Override
  public boolean holdsProgress(StudyGroup group) {
    return session
            .createSelectionQuery(
                "select count(e) from Enrollment e where e.groupId = :group and (exists (select 1"
                    + " from CompletedTopic c where c.enrollmentId = e.id) or exists (select 1 from"
                    + " Quiz q where q.enrollmentId = e.id))",
                Long.class)
            .setParameter("group", group.id())
            .getSingleResult()
        > 0;
  }

  @Override
  public void delete(StudyGroup group) {
    // The schema cascades to enrollments, quizzes, answers and schedule rows. Flushed now:
    // Hibernate
    // writes deletes after updates, and a group moving to this chat id must find it free.
    session.remove(group);
    session.flush();
  }

  /** Quizzes are moved in SQL: a quiz loaded and changed earlier in the unit would be stale. */
  @Override
  public void moveChat(StudyGroup group, String newChatId) {
    ChatRef from = group.chat();
    group.movedTo(newChatId);
    session.flush();
    session.doWork(
        connection -> {
          try (PreparedStatement quizzes =
              connection.prepareStatement(
                  "update quiz set chat_id = ? where chat_platform = ? and chat_id = ?")) {
            quizzes.setString(1, newChatId);
            quizzes.setString(2, from.platform().name());
            quizzes.setString(3, from.id());
            quizzes.executeUpdate();
          }
          JdbcOutboxStore.moveChat(connection, from.platform().name(), from.id(), newChatId);
        });
  }
}
