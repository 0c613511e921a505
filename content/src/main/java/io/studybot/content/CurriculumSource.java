package io.studybot.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a curriculum's files live: a folder on disk or a folder on the class path. */
public interface CurriculumSource {

  /** The file's content, or empty when there is no such file. */
  Optional<InputStream> open(String relativeName);

  /** A name for messages, such as the folder's path. */
  String describe();

  static CurriculumSource directory(Path directory) {
    return new CurriculumSource() {
      @Override
      public Optional<InputStream> open(String relativeName) {
        try {
          return Optional.of(Files.newInputStream(directory.resolve(relativeName)));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return directory.toString();
      }
    };
  }

  static CurriculumSource classpath(String folder) {
    return new CurriculumSource() {
      @Override
      public Optional<InputStream> open(String relativeName) {
        return Optional.ofNullable(
            CurriculumSource.class
                .getClassLoader()
                .getResourceAsStream(folder + "/" + relativeName));
      }

      @Override
      public String describe() {
        return "classpath:" + folder;
      }
    };
  }
}
