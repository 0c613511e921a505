package io.studybot.core.schedule;

import io.studybot.core.chat.ChatRef;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A queued delivery: for whom, what, which local day, into which chat, tried how often. */
public record OutboxEntry(
    long id,
    @Nullable Long learnerId,
    @Nullable Long groupId,
    DeliveryKind kind,
    LocalDate localDate,
    ChatRef chat,
    int attempts) {}
