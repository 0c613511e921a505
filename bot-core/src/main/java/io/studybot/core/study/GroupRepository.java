package io.studybot.core.study;

import io.studybot.core.chat.ChatRef;
import java.util.Optional;

/** Group chats that study together, inside one transaction. */
public interface GroupRepository {

  Optional<StudyGroup> byChat(ChatRef chat);

  Optional<StudyGroup> find(long groupId);

  StudyGroup add(StudyGroup group);
}
