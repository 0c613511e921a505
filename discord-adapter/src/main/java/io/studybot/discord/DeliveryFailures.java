package io.studybot.discord;

import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/** Discord's refusals as the core's delivery failures: which ones retrying cannot fix. */
final class DeliveryFailures {
  /** The user closed their DMs, left, or the bot lost the channel: retrying cannot help. */
  private static final Set<ErrorResponse> PERMANENT =
      EnumSet.of(
          ErrorResponse.CANNOT_SEND_TO_USER,
          ErrorResponse.UNKNOWN_USER,
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_GUILD,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS);

  private DeliveryFailures() {}

  static DeliveryException of(RuntimeException e, ChatRef chat) {
    String where = (chat.isGroup() ? "channel " : "user ") + chat.id();
    if (e instanceof ErrorResponseException response) {
      if (response.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
        return new DeliveryException(
            "Discord " + where + " does not accept direct messages", true, e);
      }
      boolean permanent = PERMANENT.contains(response.getErrorResponse());
      return new DeliveryException(
          "Discord refused a message to " + where + ": " + response.getMeaning(), permanent, e);
    }
    if (e instanceof InsufficientPermissionException permission) {
      return new DeliveryException(
          "The bot lacks " + permission.getPermission().getName() + " in " + where, true, e);
    }
    return new DeliveryException("Sending to Discord " + where + " failed: " + e, false, e);
  }
}
