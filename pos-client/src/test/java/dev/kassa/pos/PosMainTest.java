package dev.kassa.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.sync.HttpsOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PosMainTest {
  private static final String PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  @Test
  void theCashierAppTakesACaFileATruststoreAndPins() {
    PosMain main = new PosMain();
    new CommandLine(main).parseArgs("--ca-cert", "ca.pem", "--truststore", "shop.p12", "--truststore-password", "pw",
        "--pin", PIN);

    assertThat(main.https.toOptions()).isEqualTo(new HttpsOptions(Path.of("ca.pem"), Path.of("shop.p12"), "pw",
        List.of(PIN)));
  }

  @Test
  void withoutHttpsOptionsTheSystemTrustIsUsed() {
    PosMain main = new PosMain();
    new CommandLine(main).parseArgs();

    assertThat(main.https.toOptions().customTrust()).isFalse();
    assertThat(main.https.toOptions().pins()).isEmpty();
  }
}
