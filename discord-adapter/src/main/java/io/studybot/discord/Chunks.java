package io.studybot.discord;

import java.util.ArrayList;
import java.util.List;

/** Joins and cuts text into pieces that fit a length limit, preferring the given separators. */
final class Chunks {
  private Chunks() {}

  /**
   * Cuts {@code text} at {@code separator} into pieces of at most {@code limit} characters; a part
   * longer than the limit is cut at a space, or hard at the limit when it has none.
   */
  static List<String> split(String text, String separator, int limit) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String part : text.split(java.util.regex.Pattern.quote(separator), -1)) {
      for (String fitting : fit(part, limit)) {
        if (current.length() > 0
            && current.length() + separator.length() + fitting.length() > limit) {
          pieces.add(current.toString());
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append(separator);
        }
        current.append(fitting);
      }
    }
    if (current.length() > 0 || pieces.isEmpty()) {
      pieces.add(current.toString());
    }
    return pieces;
  }

  /**
   * Joins parts with {@code separator} into as few pieces of at most {@code limit} as order allows.
   */
  static List<String> pack(List<String> parts, String separator, int limit) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String part : parts) {
      if (current.length() > 0 && current.length() + separator.length() + part.length() > limit) {
        pieces.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(separator);
      }
      current.append(part);
    }
    if (current.length() > 0) {
      pieces.add(current.toString());
    }
    return pieces;
  }

  /** Text shortened to {@code limit} characters with an ellipsis, for labels and titles. */
  static String shorten(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }

  private static List<String> fit(String part, int limit) {
    List<String> pieces = new ArrayList<>();
    String rest = part;
    while (rest.length() > limit) {
      int cut = rest.lastIndexOf(' ', limit);
      if (cut <= 0) {
        cut = limit;
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--; // never split an emoji in two
        }
      }
      pieces.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    pieces.add(rest);
    return pieces;
  }
}
