package io.studybot.core.inbox;

import io.studybot.core.chat.Reply;
import java.util.List;
import java.util.Optional;

/**
 * An update claimed from the inbox: its row, how often it was claimed before, and the replies of
 * its turn when the turn already committed (the process stopped before they were shown).
 */
public record StoredUpdate(
    long id, InboxUpdate update, int attempts, Optional<List<Reply>> replies) {}
