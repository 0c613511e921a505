package io.studybot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/** Adapters only translate: they never reach the database, the scheduler or each other. */
@AnalyzeClasses(
    packages = "io.studybot",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      AdapterArchitectureTest.DoNotIncludeTestJars.class
    })
class AdapterArchitectureTest {

  /** Modules' test jars (an adapter's end-to-end helpers need a database) are tests too. */
  static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.matches(Pattern.compile(".*-tests\\.jar.*"));
    }
  }

  @ArchTest
  static final ArchRule adaptersNeverTouchTheDatabaseOrQuartz =
      noClasses()
          .that()
          .resideInAnyPackage("io.studybot.telegram..", "io.studybot.discord..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.studybot.core.persistence..",
              "io.studybot.core.state..",
              "org.hibernate..",
              "java.sql..",
              "org.flywaydb..",
              "com.zaxxer..",
              "org.quartz..")
          .because("adapters translate between a platform and the core, nothing more");

  @ArchTest
  static final ArchRule onlyPersistenceKnowsTheStorageTechnologies =
      noClasses()
          .that()
          .resideInAPackage("io.studybot..")
          .and()
          .resideOutsideOfPackage("io.studybot.core.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.hibernate..", "java.sql..", "org.flywaydb..", "com.zaxxer..")
          .because("only bot-core's persistence package knows how state is stored");

  @ArchTest
  static final ArchRule adaptersAnswerThroughTheInboundPort =
      noClasses()
          .that()
          .resideInAnyPackage("io.studybot.telegram..", "io.studybot.discord..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.studybot.core.conversation..")
          .because("adapters hand events to the ChatHandler port, not to the bot's classes");

  @ArchTest
  static final ArchRule noThreadLocalsInAdapters =
      noClasses()
          .that()
          .resideInAnyPackage("io.studybot.telegram..", "io.studybot.discord..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(ThreadLocal.class)
          .because("the interaction in hand is passed along, not kept on a thread");

  @ArchTest
  static final ArchRule telegramDoesNotKnowDiscord =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.telegram..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.studybot.discord..")
          .because("each platform stands alone");

  @ArchTest
  static final ArchRule discordDoesNotKnowTelegram =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.discord..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.studybot.telegram..")
          .because("each platform stands alone");
}
