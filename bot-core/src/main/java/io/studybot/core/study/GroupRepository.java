package io.studybot.core.study;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import java.util.List;
import java.util.Optional;

/** Group chats that study together, inside one transaction. */
public interface GroupRepository {

  Optional<StudyGroup> byChat(ChatRef chat);

  Optional<StudyGroup> find(long groupId);

  /** The group chats on one server of a platform (Discord's guild). */
  List<StudyGroup> onServer(Platform platform, String server);

  StudyGroup add(StudyGroup group);

  /** Whether the group has anything worth keeping: a completed topic or a delivered quiz. */
  boolean holdsProgress(StudyGroup group);

  /** Deletes the group and everything it owns, at once (its chat id is free afterwards). */
  void delete(StudyGroup group);

  /**
   * Moves the group to a new chat id of the same platform: the group, its quizzes (buttons pressed
   * in the new chat name the new id, and the leaderboard reads quizzes by chat) and its deliveries
   * still queued. Schedule rows follow when the caller syncs them.
   */
  void moveChat(StudyGroup group, String newChatId);
}
