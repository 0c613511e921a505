package io.studybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.studybot.core.chat.BotCommand;
import java.util.Collection;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class CommandRegistrarTest {
  private final JDA jda = mock(JDA.class);
  private final CommandListUpdateAction globalUpdate = update();
  private final Guild guild = mock(Guild.class);
  private final CommandListUpdateAction guildUpdate = update();

  CommandRegistrarTest() {
    SelfUser self = mock(SelfUser.class);
    when(self.getApplicationId()).thenReturn("123");
    when(jda.getSelfUser()).thenReturn(self);
    when(jda.updateCommands()).thenReturn(globalUpdate);
    when(guild.getId()).thenReturn("555555555555555555");
    when(guild.updateCommands()).thenReturn(guildUpdate);
    when(jda.getGuildById("555555555555555555")).thenReturn(guild);
  }

  @Test
  void onlyShardZeroRegistersTheGlobalCommands() {
    when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(3, 8));

    new CommandRegistrar(Optional.empty()).onReady(ready());

    verify(jda, never()).updateCommands();
  }

  @Test
  void withAGuildTheCommandsGoToThatServerOnly() {
    when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(0, 1));
    CommandRegistrar registrar = new CommandRegistrar(Optional.of("555555555555555555"));

    registrar.onReady(ready());
    registrar.onGuildReady(guildReady());

    verify(jda, never()).updateCommands();
    assertThat(registered(guildUpdate)).hasSize(BotCommand.values().length);
  }

  private ReadyEvent ready() {
    ReadyEvent event = mock(ReadyEvent.class);
    when(event.getJDA()).thenReturn(jda);
    return event;
  }

  private GuildReadyEvent guildReady() {
    GuildReadyEvent event = mock(GuildReadyEvent.class);
    when(event.getJDA()).thenReturn(jda);
    when(event.getGuild()).thenReturn(guild);
    return event;
  }

  private static CommandListUpdateAction update() {
    CommandListUpdateAction update = mock(CommandListUpdateAction.class);
    when(update.addCommands(anyCollection())).thenReturn(update);
    return update;
  }

  @SuppressWarnings("unchecked")
  private static Collection<CommandData> registered(CommandListUpdateAction update) {
    ArgumentCaptor<Collection<CommandData>> commands = ArgumentCaptor.forClass(Collection.class);
    verify(update).addCommands(commands.capture());
    verify(update).queue(any(), any());
    return commands.getValue();
  }
}
