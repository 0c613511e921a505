package io.studybot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays platform-agnostic: adapters translate, the core never knows them. */
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
  static final ArchRule conversationDoesNotReachIntoHibernate =
      noClasses()
          .that()
          .resideInAPackage("io.studybot.core.conversation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.studybot.core.persistence..")
          .because("the conversation works through the StudyStore port");
}
