package dev.kassa.pos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.kassa.arch.KassaArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PosClientArchitectureTest {

  static Stream<ArchRule> rules() {
    return KassaArchitecture.posClientRules().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void posClientFollows(ArchRule rule) {
    rule.check(KassaArchitecture.mainClasses("dev.kassa.pos"));
  }

  @Test
  void javaFxOutsideAUiPackageBreaksTheRule() {
    var fixtures = new ClassFileImporter().importPackages("dev.kassa.archfixture");
    assertThatThrownBy(() -> KassaArchitecture.javaFxOnlyInUiPackages().check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.kassa.archfixture.sale.BasketLogic")
        .hasMessageNotContaining("BasketView");
  }
}
