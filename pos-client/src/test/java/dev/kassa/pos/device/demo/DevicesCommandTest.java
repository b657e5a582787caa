package dev.kassa.pos.device.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.qr.CodeImageReader;
import dev.kassa.pos.receipt.SampleReceipts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code kassa devices} demo end to end: ptys, serial scanner, serial printer, files written. */
class DevicesCommandTest {

  @Test
  void scansAndPrintsTheSampleReceiptThroughPtys(@TempDir Path out) throws Exception {
    int exit = new CommandLine(new DevicesCommand()).execute("--out", out.toString(), "--paper", "58",
        "--profile", "generic-58");

    assertThat(exit).isZero();
    assertThat(out.resolve("receipt.txt")).content()
        .contains("Продукты у дома", "ИТОГО", "ОФЛАЙН", "[image ", "[drawer]");
    assertThat(out.resolve("x-report.txt")).content().contains("X-ОТЧЁТ", "В кассе").doesNotContain("ИТОГО");
    assertThat(new CodeImageReader().read(out.resolve("receipt.png"))).hasValueSatisfying(code ->
        assertThat(ScanClassifier.standard().classify(code.text())).isEqualTo(new Scan.ReceiptQr(SampleReceipts.SALE_ID)));
  }
}
