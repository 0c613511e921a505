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
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * The logging set-up, in code: the console chat owns stdout, so everything goes to {@code
 * studybot.log} in the data folder, and warnings also to stderr. Reading the same from an XML file
 * took Logback about a second of start-up; {@code -Dlogback.configurationFile=...} still names a
 * file to use instead. Found by Logback through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String LOG_FILE = "studybot.log";

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
    start(context, stderr, "STDERR", "%-5level %logger{24} - %msg%n");
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
}
