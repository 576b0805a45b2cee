package io.cachepair.menu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The menu's package-by-feature layout, enforced. Plain Jupiter tests calling ArchUnit's API, so
 * they run under whichever JUnit engines the build has.
 */
class ArchitectureTest {

  private static JavaClasses menu;

  @BeforeAll
  static void importMenu() {
    menu =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cachepair.menu");
  }

  @Test
  void featurePackages_haveNoCycles() {
    slices().matching("io.cachepair.menu.(*)..").should().beFreeOfCycles().check(menu);
  }

  @Test
  void controllers_arePackagePrivate() {
    classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(menu);
  }

  @Test
  void dishFeature_doesNotKnowHowItIsPublished() {
    noClasses()
        .that()
        .resideInAPackage("io.cachepair.menu.dish..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cachepair.menu.publish..", "io.cachepair.menu.preload..", "com.tangosol..")
        .check(menu);
  }
}
