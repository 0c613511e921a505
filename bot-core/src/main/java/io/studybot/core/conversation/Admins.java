package io.studybot.core.conversation;

import io.studybot.core.chat.Platform;
import io.studybot.core.chat.PlatformUser;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The operators who may use {@code /admin}: accounts named as {@code platform:id}, such as {@code
 * telegram:12345}. Everyone else is told {@code /admin} is an unknown command.
 */
public final class Admins {
  public static final Admins NONE = new Admins(Set.of());

  private final Set<String> accounts;

  private Admins(Set<String> accounts) {
    this.accounts = Set.copyOf(accounts);
  }

  /**
   * Reads a comma-separated list such as {@code telegram:12345,discord:67890}.
   *
   * @throws IllegalArgumentException naming what is wrong, never repeating the value
   */
  public static Admins parse(String list) {
    Set<String> accounts = new HashSet<>();
    for (String entry : list.split(",", -1)) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException("an entry is not platform:id");
      }
      accounts.add(key(platform(parts[0].strip()), parts[1].strip()));
    }
    return new Admins(accounts);
  }

  private static Platform platform(String name) {
    for (Platform platform : Platform.values()) {
      if (platform.name().equalsIgnoreCase(name)) {
        return platform;
      }
    }
    throw new IllegalArgumentException("an entry names an unknown platform");
  }

  public boolean includes(PlatformUser user) {
    return accounts.contains(key(user.platform(), user.externalId()));
  }

  public int size() {
    return accounts.size();
  }

  private static String key(Platform platform, String id) {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + id;
  }
}
