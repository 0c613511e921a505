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
}
