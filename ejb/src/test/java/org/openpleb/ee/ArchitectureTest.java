package org.openpleb.ee;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.SettingsRule;

/**
 * The import graph of the domain module, read from the compiled main classes: the feature packages
 * below {@code org.openpleb.ee} form no cycle, the platform package knows no feature, and every
 * feature's config bean is a settings rule, so the startup check covers it.
 */
class ArchitectureTest {

  private static final String ROOT = "org.openpleb.ee";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void theFeaturePackagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void thePlatformDependsOnNoFeature() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".platform..")
        .should()
        .onlyDependOnClassesThat(
            resideInAPackage(ROOT + ".platform..").or(resideOutsideOfPackage(ROOT + "..")))
        .check(main);
  }

  @Test
  void everyConfigBeanIsASettingsRule() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Config")
        .should()
        .implement(SettingsRule.class)
        .because("the startup check finds the rules through CDI and must not miss a feature")
        .check(main);
  }
}
