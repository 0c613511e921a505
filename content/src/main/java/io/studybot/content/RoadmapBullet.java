package io.studybot.content;

/**
 * One bullet of a roadmap, such as {@code 学习路径/第一阶段：Python基础/Python核心}: its section, its group and
 * its bold name. A topic names it by {@link #key()} in its {@code seed} field.
 */
public record RoadmapBullet(String section, String group, String name, int line) {

  public String key() {
    return section + "/" + group + "/" + name;
  }
}
