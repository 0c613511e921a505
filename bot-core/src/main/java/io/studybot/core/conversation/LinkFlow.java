package io.studybot.core.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.studybot.core.chat.PlatformUser;
import io.studybot.core.study.Learner;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /link and /unlink: one learner across platforms. /link gives a one-time code; /link CODE sent
 * from another account joins that account's learner into the code's. Five wrong codes in an hour
 * lock an account out of trying until the hour is over.
 */
final class LinkFlow {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final int CODE_LENGTH = 6;
  static final int WRONG_CODES_PER_HOUR = 5;
  // No 0/O or 1/I/L: the code is read off one screen and typed on another.
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final Duration WRONG_CODE_WINDOW = Duration.ofHours(1);

  private final SecureRandom random = new SecureRandom();

  /** Wrong codes per account: when the first of the window came, and how many since. */
  private final Cache<String, WrongCodes> wrongCodes =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfterWrite(WRONG_CODE_WINDOW)
          .recordStats()
          .build();

  private record WrongCodes(Instant since, int count) {}

  Cache<String, ?> wrongCodes() {
    return wrongCodes;
  }

  void link(Turn turn, List<String> args) {
    if (args.isEmpty()) {
      String code = newCode();
      turn.learners.issueLinkCode(turn.learner.id(), code, turn.now.plus(CODE_LIFETIME));
      turn.say("link.code", code);
      return;
    }
    String account = accountKey(turn.event.user());
    if (lockedOut(account, turn.now)) {
      turn.say("link.too-many");
      return;
    }
    String code = args.get(0).strip().toUpperCase(Locale.ROOT);
    Optional<Long> issuer =
        code.length() == CODE_LENGTH
            ? turn.learners.redeemLinkCode(code, turn.now)
            : Optional.empty();
    if (issuer.isEmpty()) {
      countWrong(account, turn.now);
      turn.say("link.bad-code");
      return;
    }
    if (issuer.get().equals(turn.learner.id())) {
      turn.say("link.own-code");
      return;
    }
    join(turn, turn.learners.find(issuer.get()).orElseThrow());
  }

  /** The code's learner absorbs this one: their settings stay, the longer streak wins. */
  private static void join(Turn turn, Learner into) {
    Learner from = turn.learner;
    into.setStreak(into.streak().longer(from.streak(), turn.now.atZone(into.zone()).toLocalDate()));
    turn.learners.absorb(from.id(), into.id());
    turn.forget(); // the learner this turn began with is gone
    turn.speak(into.language());
    turn.say("link.done");
  }

  /** This account leaves its learner and takes a copy of the progress along. */
  void unlink(Turn turn) {
    Learner learner = turn.learner;
    if (turn.learners.accountCount(learner.id()) < 2) {
      turn.say("unlink.none");
      return;
    }
    PlatformUser user = turn.event.user();
    Learner copy = new Learner(user.displayName(), learner.language(), learner.zone(), turn.now);
    copy.settings().setLessonTime(learner.lessonTime());
    copy.settings().setQuizTime(learner.quizTime());
    copy.setStreak(learner.streak());
    copy.setHidden(learner.hidden());
    copy.finishOnboarding();
    copy.moveHome(turn.chat());
    turn.learners.splitOff(learner.id(), user.platform(), user.externalId(), copy);
    if (learner.homeChat().equals(Optional.of(turn.chat()))) {
      learner.leaveHome(); // deliveries wait until the learner writes from their other account
    }
    Schedules.sync(turn, learner);
    Schedules.sync(turn, copy);
    turn.say("unlink.done");
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  private boolean lockedOut(String account, Instant now) {
    WrongCodes wrong = wrongCodes.getIfPresent(account);
    return wrong != null && inWindow(wrong, now) && wrong.count() >= WRONG_CODES_PER_HOUR;
  }

  private void countWrong(String account, Instant now) {
    wrongCodes
        .asMap()
        .compute(
            account,
            (key, wrong) ->
                wrong == null || !inWindow(wrong, now)
                    ? new WrongCodes(now, 1)
                    : new WrongCodes(wrong.since(), wrong.count() + 1));
  }

  private static boolean inWindow(WrongCodes wrong, Instant now) {
    return now.isBefore(wrong.since().plus(WRONG_CODE_WINDOW));
  }

  private static String accountKey(PlatformUser user) {
    return user.platform() + ":" + user.externalId();
  }
}
