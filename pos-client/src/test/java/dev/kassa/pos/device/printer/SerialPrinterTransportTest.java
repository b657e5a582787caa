package dev.kassa.pos.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.printer.PrintOutcome.Failed;
import dev.kassa.pos.device.printer.PrintOutcome.Printed;
import dev.kassa.pos.device.serial.FlowControl;
import dev.kassa.pos.device.serial.SerialSettings;
import dev.kassa.pos.device.serial.PtyPair;
import dev.kassa.pos.device.virtual.SimulatedPrinter;
import dev.kassa.pos.device.virtual.VirtualPrinter;
import dev.kassa.pos.receipt.ReceiptLayout;
import dev.kassa.pos.receipt.SampleReceipts;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A printer on a serial port: a socat pty pair, the test's simulated printer on the far end. */
class SerialPrinterTransportTest {
  private static final PrinterProfile PROFILE = PrinterProfile.GENERIC_58;
  private final VirtualPrinter paper = new VirtualPrinter(PROFILE, Paper.MM58);
  private final byte[] receipt = new ReceiptLayout(Paper.MM58, PROFILE, CodePage.CP866).receipt(SampleReceipts.receipt());

  private void playPrinter(PtyPair socat) throws IOException {
    Path device = socat.device().toRealPath();
    Thread thread = new Thread(() -> {
      try (var in = new FileInputStream(device.toFile()); var out = new FileOutputStream(device.toFile())) {
        new SimulatedPrinter(paper).serve(in, out);
      } catch (IOException e) {
        // the pty went away: the printer was unplugged
      }
    }, "pty printer");
    thread.setDaemon(true);
    thread.start();
  }

  @Test
  void printsThroughAPtyAndSurvivesAnUnplug(@TempDir Path dir) throws Exception {
    PtyPair socat = new PtyPair(dir, "port");
    playPrinter(socat);
    try (ReceiptPrinter printer = new ReceiptPrinter(new SerialPrinterTransport(socat.app(),
        SerialSettings.of(115_200, FlowControl.NONE), Duration.ofSeconds(2)), PROFILE)) {

      assertThat(printer.print(PrintJob.of("receipt 42", receipt)).get(10, TimeUnit.SECONDS)).isInstanceOf(Printed.class);
      assertThat(paper.text()).contains("Продукты у дома", "[image ");

      socat.unplug();
      PrintOutcome unplugged = printer.reprintLast().get(10, TimeUnit.SECONDS);
      assertThat(unplugged).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.problem()).isEqualTo(PrinterProblem.DEVICE_MISSING));

      paper.clear();
      socat.replug();
      playPrinter(socat);
      assertThat(printer.reprintLast().get(10, TimeUnit.SECONDS)).isInstanceOf(Printed.class);
      assertThat(paper.text()).contains("Продукты у дома", "ИТОГО", "[cut]");
    } finally {
      socat.close();
    }
  }
}
