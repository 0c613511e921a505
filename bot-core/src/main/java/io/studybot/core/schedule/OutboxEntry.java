package io.studybot.core.schedule;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.study.StudyOwner;
import java.time.LocalDate;

/** A queued delivery: for whom, what, which local day, into which chat, tried how often. */
public record OutboxEntry(
    long id,
    StudyOwner owner,
    DeliveryKind kind,
    LocalDate localDate,
    ChatRef chat,
    int attempts) {}
