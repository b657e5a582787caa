package dev.kassa.model;

import dev.kassa.arch.KassaArchitecture;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SharedModelArchitectureTest {

  static Stream<ArchRule> rules() {
    return KassaArchitecture.sharedModelRules().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void sharedModelFollows(ArchRule rule) {
    rule.check(KassaArchitecture.mainClasses("dev.kassa"));
  }
}
