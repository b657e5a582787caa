package dev.kassa.pos.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.printer.PrintJob;
import dev.kassa.pos.device.printer.PrintOutcome;
import dev.kassa.pos.device.scanner.ScanGate;
import dev.kassa.pos.device.scanner.ScanListener;
import dev.kassa.pos.device.scanner.ScanRejection;
import dev.kassa.pos.device.scanner.ScannedCode;
import dev.kassa.pos.receipt.SampleReceipts;
import java.io.StringReader;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevicesTest {
  private static final ScanGate GATE = new ScanGate(ScanClassifier.standard(), new ScanListener() {
    @Override
    public void onScan(ScannedCode code) {}

    @Override
    public void onRejected(ScanRejection rejection) {}
  }, Clock.systemUTC());

  private static DeviceSettings settings(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return DeviceConfigFile.parse(p);
  }

  @Test
  void virtualTargetPrintsIntoThePreviewWithTheConfiguredPaper() throws Exception {
    try (Devices devices = Devices.open(settings("paper.width-mm=58"), GATE)) {
      byte[] receipt = devices.layout().receipt(SampleReceipts.receipt());

      PrintOutcome outcome = devices.printer().print(PrintJob.of("receipt 42", receipt)).get(10, TimeUnit.SECONDS);

      assertThat(outcome).isInstanceOf(PrintOutcome.Printed.class);
      assertThat(devices.virtualPrinter().text().lines()).contains("--------------------------------");
      assertThat(devices.serialScanner()).isEmpty();
    }
  }

  @Test
  void drawerIsOfferedOnlyWhenConfigured() throws Exception {
    try (Devices with = Devices.open(settings(""), GATE); Devices without = Devices.open(settings("drawer=false"), GATE)) {
      assertThat(with.drawer()).isPresent();
      assertThat(without.drawer()).isEmpty();

      assertThat(with.drawer().orElseThrow().open().get(10, TimeUnit.SECONDS)).isInstanceOf(PrintOutcome.Printed.class);
      assertThat(with.virtualPrinter().text()).isEqualTo("[drawer]\n");
    }
  }
}
