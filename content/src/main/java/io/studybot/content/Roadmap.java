package io.studybot.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bullets of a roadmap in Markdown: {@code ## section}, {@code ### group}, {@code - **name**}.
 */
public record Roadmap(List<RoadmapBullet> bullets) {
  /** The class-path copy of the roadmap the bundled curriculum is written from. */
  public static final String BUNDLED_RESOURCE = "roadmap/python-backend-roadmap.zh.md";

  private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+\\*\\*(.+?)\\*\\*");

  public Roadmap {
    bullets = List.copyOf(bullets);
  }

  public static Roadmap bundled() {
    try (InputStream in = Roadmap.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Roadmap parse(String markdown) {
    List<RoadmapBullet> bullets = new ArrayList<>();
    String section = "";
    String group = "";
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("### ")) {
        group = headingText(line.substring(4));
      } else if (line.startsWith("## ")) {
        section = headingText(line.substring(3));
        group = "";
      } else {
        Matcher bullet = BULLET.matcher(line);
        if (bullet.find() && !section.isEmpty()) {
          bullets.add(new RoadmapBullet(section, group, bullet.group(1).trim(), i + 1));
        }
      }
    }
    return new Roadmap(bullets);
  }

  /** "🎯 技术栈" becomes "技术栈"; "第一阶段：Python基础 (1-2个月)" becomes "第一阶段：Python基础". */
  static String headingText(String heading) {
    String text = heading.replaceAll("\\s*[(（][^)）]*[)）]\\s*$", "").trim();
    int start = 0;
    while (start < text.length()) {
      int codePoint = text.codePointAt(start);
      if (Character.isLetterOrDigit(codePoint)) {
        break;
      }
      start += Character.charCount(codePoint);
    }
    return text.substring(start).trim();
  }
}
