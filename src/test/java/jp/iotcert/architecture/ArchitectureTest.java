package jp.iotcert.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The structure docs/architecture.md promises, checked on the compiled classes: packages by
 * capability that never depend on each other in a circle.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("jp.iotcert");

  @Test
  void packagesHaveNoCycles() {
    ArchRule rule = slices().matching("jp.iotcert.(*)..").should().beFreeOfCycles();
    rule.check(MAIN);
  }
}
