package io.studybot.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoadmapTest {
  @Test
  void headingsLoseTheirEmojiAndTrailingParenthesis() {
    assertThat(Roadmap.headingText("🎯 技术栈")).isEqualTo("技术栈");
    assertThat(Roadmap.headingText("第一阶段：Python基础 (1-2个月)")).isEqualTo("第一阶段：Python基础");
  }

  @Test
  void bulletsAreKeyedBySectionGroupAndBoldName() {
    Roadmap roadmap =
        Roadmap.parse("# T\n## 🚀 项目\n### 基础\n- **博客**：文章\n- plain\n### 进阶\n- **商城**：订单\n");
    assertThat(roadmap.bullets())
        .extracting(RoadmapBullet::key)
        .containsExactly("项目/基础/博客", "项目/进阶/商城");
    assertThat(roadmap.bullets().get(1).line()).isEqualTo(7);
  }
}
