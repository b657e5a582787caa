package dev.kassa.pos.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.escpos.PrinterStatus;
import dev.kassa.pos.device.printer.PrintOutcome.Failed;
import dev.kassa.pos.device.printer.PrintOutcome.Printed;
import dev.kassa.pos.device.virtual.SimulatedPrinter;
import dev.kassa.pos.device.virtual.VirtualPrinter;
import dev.kassa.pos.receipt.ReceiptLayout;
import dev.kassa.pos.receipt.SampleReceipts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptPrinterTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final PrinterProfile PROFILE = PrinterProfile.EPSON;
  private final VirtualPrinter paper = new VirtualPrinter(PROFILE, Paper.MM80);
  private final byte[] receipt = new ReceiptLayout(Paper.MM80, PROFILE, CodePage.CP866).receipt(SampleReceipts.receipt());

  private static PrintOutcome outcome(CompletableFuture<PrintOutcome> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @Test
  void printsOverRawTcp() throws Exception {
    try (TcpPrinterServer server = new TcpPrinterServer(new SimulatedPrinter(paper));
         ReceiptPrinter printer = new ReceiptPrinter(new TcpPrinterTransport("127.0.0.1", server.port(), TIMEOUT), PROFILE)) {

      assertThat(outcome(printer.print(PrintJob.of("receipt 42", receipt)))).isInstanceOf(Printed.class);

      assertThat(paper.text()).contains("Продукты у дома", "ИТОГО", "[QR KASSA-R:" + SampleReceipts.SALE_ID + "]");
      assertThat(printer.reprintPending()).isFalse();
      byte[] query = PrinterStatus.query();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.writeBytes(query);
      expected.writeBytes(receipt);
      expected.writeBytes(query);
      assertThat(server.received()).as("status check, then the receipt byte for byte, then status")
          .isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void paperOutMidJobKeepsTheReceiptAndReprintsItWhenRefilled() throws Exception {
    paper.loadPaper(10);
    try (TcpPrinterServer server = new TcpPrinterServer(new SimulatedPrinter(paper));
         ReceiptPrinter printer = new ReceiptPrinter(new TcpPrinterTransport("127.0.0.1", server.port(), TIMEOUT), PROFILE)) {

      PrintOutcome first = outcome(printer.print(PrintJob.of("receipt 42", receipt)));

      assertThat(first).isInstanceOfSatisfying(Failed.class, failed -> {
        assertThat(failed.problem()).isEqualTo(PrinterProblem.PAPER_OUT);
        assertThat(failed.message()).contains("out of paper", "reprint");
      });
      assertThat(printer.reprintPending()).isTrue();
      assertThat(paper.text()).doesNotContain("ИТОГО");

      PrintOutcome whileEmpty = outcome(printer.reprintLast());
      assertThat(whileEmpty).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.detail()).contains("before printing"));

      paper.clear();
      paper.loadPaper(-1);
      assertThat(outcome(printer.reprintLast())).isInstanceOf(Printed.class);
      assertThat(paper.text()).contains("Продукты у дома", "ИТОГО", "[cut]");
      assertThat(printer.reprintPending()).isFalse();
    }
  }

  @Test
  void coverOpenIsReportedBeforeAnyByteIsSent() throws Exception {
    paper.setStatus(new PrinterStatus(true, true, false, false));
    try (TcpPrinterServer server = new TcpPrinterServer(new SimulatedPrinter(paper));
         ReceiptPrinter printer = new ReceiptPrinter(new TcpPrinterTransport("127.0.0.1", server.port(), TIMEOUT), PROFILE)) {

      assertThat(outcome(printer.print(PrintJob.of("receipt 42", receipt)))).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.problem()).isEqualTo(PrinterProblem.COVER_OPEN));
      assertThat(paper.printed()).isEmpty();
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void refusedConnectionIsUnreachableAndTheJobIsKept() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    List<PrintOutcome> heard = new CopyOnWriteArrayList<>();
    try (ReceiptPrinter printer = new ReceiptPrinter(new TcpPrinterTransport("127.0.0.1", closedPort, TIMEOUT), PROFILE)) {
      printer.addListener(heard::add);

      PrintOutcome outcome = outcome(printer.print(PrintJob.of("receipt 42", receipt)));

      assertThat(outcome).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.problem()).isEqualTo(PrinterProblem.UNREACHABLE));
      assertThat(heard).containsExactly(outcome);
      assertThat(printer.lastJob()).hasValueSatisfying(job -> assertThat(job.bytes()).isEqualTo(receipt));
      assertThat(printer.reprintPending()).isTrue();
    }
  }

  @Test
  void aPrinterThatNeverAnswersDoesNotBlockTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread holder = new Thread(() -> {
        try (Socket socket = silent.accept()) {
          release.await();
        } catch (IOException | InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      holder.setDaemon(true);
      holder.start();
      try (ReceiptPrinter printer = new ReceiptPrinter(
          new TcpPrinterTransport("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(2)), PROFILE)) {

        CompletableFuture<PrintOutcome> future = printer.print(PrintJob.of("receipt 42", receipt));

        assertThat(future).isNotDone();
        assertThat(outcome(future)).isInstanceOfSatisfying(Failed.class,
            failed -> assertThat(failed.detail()).contains("did not answer"));
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void deviceFilePrintsAndAMissingDeviceIsTyped(@TempDir Path dir) throws Exception {
    Path lp0 = dir.resolve("lp0");
    try (ReceiptPrinter printer = new ReceiptPrinter(new FilePrinterTransport(lp0), PROFILE)) {
      PrintOutcome missing = outcome(printer.print(PrintJob.of("receipt 42", receipt)));
      assertThat(missing).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.problem()).isEqualTo(PrinterProblem.DEVICE_MISSING));
      assertThat(lp0).doesNotExist();

      Files.createFile(lp0);
      assertThat(outcome(printer.reprintLast())).isInstanceOf(Printed.class);
      assertThat(Files.readAllBytes(lp0)).isEqualTo(receipt);
    }
  }

  @Test
  void drawerPulseGoesToThePrinterAndIsNotKeptForReprint() throws Exception {
    try (ReceiptPrinter printer = new ReceiptPrinter(paper, PROFILE)) {
      outcome(printer.print(PrintJob.of("receipt 42", receipt)));
      assertThat(outcome(printer.openDrawer())).isInstanceOf(Printed.class);

      assertThat(paper.text()).endsWith("[drawer]\n");
      assertThat(printer.lastJob()).hasValueSatisfying(job -> assertThat(job.name()).isEqualTo("receipt 42"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      # offline, cover open, paper out, problem
      true,  false, false, OFFLINE
      true,  true,  false, COVER_OPEN
      true,  true,  true,  PAPER_OUT
      """)
  void blockingStatusNamesTheProblem(boolean offline, boolean cover, boolean paperOut, PrinterProblem problem)
      throws Exception {
    paper.setStatus(new PrinterStatus(offline, cover, paperOut, false));
    try (ReceiptPrinter printer = new ReceiptPrinter(paper, PROFILE)) {
      assertThat(outcome(printer.print(PrintJob.of("receipt 42", receipt)))).isInstanceOfSatisfying(Failed.class,
          failed -> assertThat(failed.problem()).isEqualTo(problem));
      assertThat(printer.reprintPending()).isTrue();
    }
  }

  @Test
  void statusWatchTellsTheScreenWhenThePaperIsBack() {
    paper.setStatus(new PrinterStatus(true, false, true, false));
    List<Optional<PrinterStatus>> heard = new CopyOnWriteArrayList<>();
    try (ReceiptPrinter printer = new ReceiptPrinter(paper, PROFILE)) {
      printer.addStatusListener(heard::add);
      printer.watchStatus(Duration.ofMillis(20));

      await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty() && heard.get(0).orElseThrow().paperOut());
      paper.loadPaper(-1);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> !heard.get(heard.size() - 1).orElseThrow().blocksPrinting());
    }
  }

  @Test
  void reprintWithNothingPrintedSaysSo() {
    try (ReceiptPrinter printer = new ReceiptPrinter(paper, PROFILE)) {
      assertThatThrownBy(() -> printer.reprintLast().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to reprint");
    }
  }
}
