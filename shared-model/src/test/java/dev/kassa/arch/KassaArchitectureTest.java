package dev.kassa.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule must be able to fail: it is applied to a deliberately bad class set from
 * {@code dev.kassa.archfixture}. The fixtures live in their own packages, so the app-boundary rule
 * is aimed at them through the same factory the real rules use. (The JavaFX rule is shown failing in pos-client,
 * the only module with JavaFX on its class path.)
 */
class KassaArchitectureTest {

  private final JavaClasses fixtures = new ClassFileImporter().importPackages("dev.kassa.archfixture");

  @Test
  void sqlOutsideAStorePackageBreaksTheRule() {
    assertThatThrownBy(() -> KassaArchitecture.sqlOnlyInStorePackages().check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.kassa.archfixture.logic.PriceLookup")
        .hasMessageNotContaining("PriceStore.open");
  }

  @Test
  void anySqlBreaksTheSharedModelRule() {
    assertThatThrownBy(() -> KassaArchitecture.noSql().check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PriceStore");
  }

  @Test
  void terminalReachingIntoServerBreaksTheRule() {
    ArchRule rule = KassaArchitecture.appIndependentOf(
        "dev.kassa.archfixture.pos..", "dev.kassa.archfixture.server..");
    assertThatThrownBy(() -> rule.check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TerminalThing");
  }

  @Test
  void serverReachingIntoTerminalBreaksTheRule() {
    ArchRule rule = KassaArchitecture.appIndependentOf(
        "dev.kassa.archfixture.server..", "dev.kassa.archfixture.pos..");
    assertThatThrownBy(() -> rule.check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ServerThing");
  }
}
