package dev.kassa.server;

import com.tngtech.archunit.lang.ArchRule;
import dev.kassa.arch.KassaArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServerArchitectureTest {

  static Stream<ArchRule> rules() {
    return KassaArchitecture.serverRules().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void serverFollows(ArchRule rule) {
    rule.check(KassaArchitecture.mainClasses("dev.kassa.server"));
  }
}
