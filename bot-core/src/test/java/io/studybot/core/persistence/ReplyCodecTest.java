package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Picture;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.chat.RichText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyCodecTest {

  @Test
  void repliesReadBackAsWritten() {
    RichText body =
        new RichText(
            List.of(
                new RichText.Paragraph(
                    List.of(
                        new RichText.Plain("a \"quoted\" 文本"),
                        new RichText.Bold("b"),
                        new RichText.InlineCode("c()"),
                        new RichText.Link("d", "https://example.org/?q=1"))),
                new RichText.BulletList(List.of(List.of(new RichText.Plain("one")), List.of())),
                new RichText.CodeBlock("def f():\n    return 1\n")));
    OutgoingMessage message =
        new OutgoingMessage(
                body,
                List.of(List.of(new Button("A", "a:1:0"), new Button("B", "a:1:1"))),
                OutgoingMessage.Visibility.PERSONAL,
                Optional.of("99"),
                Optional.empty())
            .withPicture(new Picture("chart.png", new byte[] {1, 2, 3, (byte) 250}, "a chart"));
    Reply group =
        new Reply(new ChatRef(Platform.TELEGRAM, "-100", ChatKind.GROUP, "5", null), message);
    Reply plain =
        new Reply(
            new ChatRef(Platform.DISCORD, "42", ChatKind.GROUP, null, "7"),
            OutgoingMessage.text("hi"));

    List<Reply> read = ReplyCodec.read(ReplyCodec.write(List.of(group, plain)));

    assertThat(read).hasSize(2);
    assertThat(read.get(0).chat()).isEqualTo(group.chat());
    assertThat(read.get(0).message().body()).isEqualTo(body);
    assertThat(read.get(0).message().buttons()).isEqualTo(message.buttons());
    assertThat(read.get(0).message().visibility()).isEqualTo(OutgoingMessage.Visibility.PERSONAL);
    assertThat(read.get(0).message().replaces()).contains("99");
    Picture picture = read.get(0).message().picture().orElseThrow();
    assertThat(picture.png()).containsExactly(1, 2, 3, 250);
    assertThat(picture.fileName()).isEqualTo("chart.png");
    assertThat(picture.description()).isEqualTo("a chart");
    assertThat(read.get(1)).isEqualTo(plain);
  }
}
