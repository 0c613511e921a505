package io.studybot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The logging set-up, in code: the console chat owns stdout, so everything goes to {@code
 * studybot.log} in the data folder, and warnings also to stderr. Reading the same from an XML file
 * took Logback about a second of start-up; {@code -Dlogback.configurationFile=...} still names a
 * file to use instead. Found by Logback through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String LOG_FILE = "studybot.log";

  /** For details whose one-line summary the terminal already gets from the caller. */
  static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    String dataDir = System.getProperty("studybot.dataDir", "./data");
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setFile(Path.of(dataDir, LOG_FILE).toString());
    start(
        context,
        file,
        "FILE",
        "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setTarget("System.err");
    ThresholdFilter warnings = new ThresholdFilter();
    warnings.setLevel(Level.WARN.toString());
    warnings.start();
    stderr.addFilter(warnings);
    LibraryNoise noise = new LibraryNoise();
    noise.start();
    stderr.addFilter(noise);
    // One line per warning on the terminal; stack traces go to the log file only.
    start(context, stderr, "STDERR", "%-5level %logger{24} - %msg%n%nopex");
    context.getLogger("org.hibernate").setLevel(Level.WARN);
    context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(file);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static void start(
      LoggerContext context,
      OutputStreamAppender<ILoggingEvent> appender,
      String name,
      String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder);
    appender.start();
  }

  /**
   * Keeps Hibernate's own warnings off the terminal (a failed statement is logged there twice over
   * before the bot's one line about it), and what the caller already says in one line.
   */
  private static final class LibraryNoise extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
      boolean fileOnly =
          event.getLoggerName().startsWith("org.hibernate")
              || (event.getMarkerList() != null && event.getMarkerList().contains(FILE_ONLY));
      return fileOnly ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
  }
}
