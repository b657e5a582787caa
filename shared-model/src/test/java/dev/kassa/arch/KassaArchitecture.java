package dev.kassa.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The architecture of Kassa as rules. Every module's architecture test applies the rules that
 * concern it to its own main classes; {@code KassaArchitectureTest} shows each rule failing on a
 * deliberately bad class set, so a rule that can no longer fail is noticed.
 */
public final class KassaArchitecture {

  /** The one class of the cashier app that may be a JavaFX {@code Application}. */
  public static final String POS_APPLICATION_CLASS = "dev.kassa.pos.KassaApp";

  private KassaArchitecture() {}

  /** Imports the production classes (no tests, no jars) under a package. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackage);
  }

  public static ArchRule javaFxOnlyInUiPackages() {
    return noClasses()
        .that().resideOutsideOfPackage("..ui..")
        .and().doNotHaveFullyQualifiedName(POS_APPLICATION_CLASS)
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .because("views live in ..ui.. packages so that sale, sync and device logic is tested"
            + " with plain JUnit and runs headless in the terminal simulator and on the server");
  }

  public static ArchRule noJavaFx() {
    return noClasses()
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .because("only the cashier app has a screen; the shared model and the server run"
            + " headless on machines without a JavaFX runtime");
  }

  public static ArchRule sqlOnlyInStorePackages() {
    return noClasses()
        .that().resideOutsideOfPackage("..store..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .because("SQL is kept in one layer per feature, where every statement is prepared and"
            + " every transaction boundary is visible; logic above it stays testable without a"
            + " database");
  }

  public static ArchRule noSql() {
    return noClasses()
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .because("the shared model is pure domain: the terminal and the server each store it"
            + " their own way");
  }

  public static ArchRule posClientIndependentOfServer() {
    return appIndependentOf("dev.kassa.pos..", "dev.kassa.server..");
  }

  public static ArchRule serverIndependentOfPosClient() {
    return appIndependentOf("dev.kassa.server..", "dev.kassa.pos..");
  }

  /** One app must not reach into another; public so the rule can be shown failing on fixtures. */
  public static ArchRule appIndependentOf(String appPackage, String otherAppPackage) {
    return noClasses()
        .that().resideInAPackage(appPackage)
        .should().dependOnClassesThat().resideInAPackage(otherAppPackage)
        .because("the terminal and the server talk only through the sync protocol in"
            + " shared-model, so either side can be deployed and upgraded alone");
  }

  public static ArchRule sharedModelDependsOnNoApp() {
    return noClasses()
        .that().resideInAPackage("dev.kassa.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.kassa.pos..", "dev.kassa.server..")
        .because("the shared model is the bottom layer that both apps build on");
  }

  public static List<ArchRule> sharedModelRules() {
    return List.of(noJavaFx(), noSql(), sharedModelDependsOnNoApp());
  }

  public static List<ArchRule> posClientRules() {
    return List.of(javaFxOnlyInUiPackages(), sqlOnlyInStorePackages(), posClientIndependentOfServer());
  }

  public static List<ArchRule> serverRules() {
    return List.of(noJavaFx(), sqlOnlyInStorePackages(), serverIndependentOfPosClient());
  }
}
