package io.studybot.core.conversation;

import static java.util.Objects.requireNonNull;

import io.studybot.content.Curriculum;
import io.studybot.content.LoadedCurriculum;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The course the bot teaches, and where to read it again: {@code /admin reload} loads and validates
 * it from its source and, when it is valid, swaps it in. The bot holds the curriculum only here, in
 * one reference; each turn takes it once when it starts, so a turn never sees two courses.
 */
public final class LiveCurriculum {
  /** Volatile: a swap on one thread is seen by the next turn on any other. */
  private volatile Curriculum current;

  private final Supplier<LoadedCurriculum> source;

  public LiveCurriculum(Curriculum initial, Supplier<LoadedCurriculum> source) {
    this.current = requireNonNull(initial, "initial");
    this.source = requireNonNull(source, "source");
  }

  /** A curriculum with no source to read again: a reload finds the same one. */
  public static LiveCurriculum fixed(Curriculum curriculum) {
    return new LiveCurriculum(
        curriculum, () -> new LoadedCurriculum(Optional.of(curriculum), List.of()));
  }

  public Curriculum current() {
    return current;
  }

  /** Reads and validates the source again; nothing changes until {@link #replace}. */
  LoadedCurriculum load() {
    return source.get();
  }

  void replace(Curriculum curriculum) {
    current = requireNonNull(curriculum, "curriculum");
  }
}
