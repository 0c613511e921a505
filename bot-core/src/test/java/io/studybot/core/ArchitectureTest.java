package io.studybot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core stays platform-agnostic (adapters translate, the core never knows them), and only its
 * persistence package knows how state is stored.
 */
@AnalyzeClasses(packages = "io.studybot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreMustNotDependOnTelegramOrDiscord =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.telegram..", "net.dv8tion..")
          .because("bot-core must not depend on Telegram or Discord");

  @ArchTest
  static final ArchRule onlyPersistenceKnowsTheStorageTechnologies =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.core..")
          .and()
          .resideOutsideOfPackage("io.studybot.core.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.hibernate..", "java.sql..", "org.flywaydb..", "com.zaxxer..")
          .because("the core works through its repository ports; persistence implements them");

  @ArchTest
  static final ArchRule theConversationWorksThroughThePorts =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.core.conversation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.studybot.core.persistence..")
          .because("the conversation works through the StudyStore port");

  @ArchTest
  static final ArchRule theModelDoesNotKnowTheConversationOrTheDatabase =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.studybot.core.chat..",
              "io.studybot.core.i18n..",
              "io.studybot.core.state..",
              "io.studybot.core.study..",
              "io.studybot.core.schedule..",
              "io.studybot.core.review..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.studybot.core.conversation..", "io.studybot.core.persistence..")
          .because("dependencies point inwards: conversation and persistence use the model");
}
