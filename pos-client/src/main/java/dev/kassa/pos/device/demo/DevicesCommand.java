package dev.kassa.pos.device.demo;

import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.DeviceSettings;
import dev.kassa.pos.device.DeviceSettings.ScannerKind;
import dev.kassa.pos.device.Devices;
import dev.kassa.pos.device.PrinterTarget;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.printer.PrintJob;
import dev.kassa.pos.device.printer.PrintOutcome;
import dev.kassa.pos.device.scanner.LineSuffix;
import dev.kassa.pos.device.scanner.ScanGate;
import dev.kassa.pos.device.scanner.WedgeDecoder;
import dev.kassa.pos.device.serial.FlowControl;
import dev.kassa.pos.device.serial.PtyPair;
import dev.kassa.pos.device.serial.SerialSettings;
import dev.kassa.pos.device.virtual.SimulatedPrinter;
import dev.kassa.pos.device.virtual.VirtualPrinter;
import dev.kassa.pos.receipt.SampleReceipts;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kassa devices}: the device layer end to end without hardware. socat makes two pty pairs;
 * a simulated scanner types codes into one and a simulated printer (the virtual printer) listens
 * on the other; the till side opens both through the real serial scanner and the real serial
 * printer path, reads the scans, prints the sample Cyrillic receipt with its loyalty block and QR,
 * kicks the drawer, and writes what came out on "paper" as PNG and text.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
    description = "Simulated serial scanner and printer on ptys (needs socat): scans a few codes, "
        + "prints a sample receipt and an X report, writes receipt.png/.txt and x-report.png/.txt.")
public final class DevicesCommand implements Callable<Integer> {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Option(names = "--out", description = "Where to write the PNG and text files (default: ${DEFAULT-VALUE}).",
      defaultValue = "data/devices-demo")
  Path out;

  @Option(names = "--paper", description = "Paper width in mm: 58 or 80 (default: ${DEFAULT-VALUE}).", defaultValue = "80")
  int paperMm;

  @Option(names = "--profile", description = "Printer profile: epson (native QR) or generic-58 (QR as raster). "
      + "Default: ${DEFAULT-VALUE}.", defaultValue = "epson")
  String profileName;

  private final PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    Path ptys = Files.createTempDirectory("kassa-ptys");
    PrinterProfile profile = PrinterProfile.named(profileName);
    Paper paper = paperMm == 58 ? Paper.MM58 : Paper.MM80;
    VirtualPrinter paperRoll = new VirtualPrinter(profile, paper);
    DemoScanListener heard = new DemoScanListener(console);
    try (PtyPair scannerPty = new PtyPair(ptys, "scanner"); PtyPair printerPty = new PtyPair(ptys, "printer")) {
      console.println("ptys: scanner " + scannerPty.app() + ", printer " + printerPty.app());
      Thread printerSide = playPrinter(printerPty, paperRoll);
      DeviceSettings settings = settings(scannerPty.app(), printerPty.app(), profile, paper);
      try (Devices devices = Devices.open(settings, new ScanGate(ScanClassifier.standard(), heard, Clock.systemUTC()))) {
        scan(scannerPty, devices, heard);
        wedge(devices);
        print(devices, paperRoll);
      }
      printerSide.interrupt();
    } finally {
      Files.deleteIfExists(ptys);
    }
    return 0;
  }

  private static DeviceSettings settings(Path scannerPort, Path printerPort, PrinterProfile profile, Paper paper) {
    DeviceSettings.Scanner scanner = new DeviceSettings.Scanner(ScannerKind.SERIAL, scannerPort,
        SerialSettings.of(9600, FlowControl.NONE), LineSuffix.CRLF, WedgeDecoder.Settings.defaults());
    DeviceSettings.Printer printer = new DeviceSettings.Printer(new PrinterTarget.Serial(printerPort),
        SerialSettings.of(115_200, FlowControl.NONE), profile, CodePage.CP866, paper, Duration.ofSeconds(3), true);
    return new DeviceSettings(scanner, printer);
  }

  private static Thread playPrinter(PtyPair pty, VirtualPrinter paperRoll) throws IOException {
    Path device = pty.device().toRealPath();
    Thread thread = new Thread(() -> {
      try (var in = new FileInputStream(device.toFile()); var outStream = new FileOutputStream(device.toFile())) {
        new SimulatedPrinter(paperRoll).serve(in, outStream);
      } catch (IOException e) {
        // the pty closed at the end of the demo
      }
    }, "simulated printer");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The simulated scanner sends codes the way a real one does: in pieces, each ended by CR LF. */
  private void scan(PtyPair pty, Devices devices, DemoScanListener heard) throws Exception {
    if (!devices.serialScanner().orElseThrow().awaitConnected(WAIT)) {
      throw new IllegalStateException("the scanner port did not open within " + WAIT);
    }
    List<String> codes = List.of("4601234567893", SampleReceipts.APPLES_LABEL, SampleReceipts.CARD_NUMBER,
        "KASSA-R:" + SampleReceipts.SALE_ID, "4601234567890", "\u0007\u00ff#");
    console.println("scanner sends: " + codes.size() + " codes (the last two are a bad check digit and line noise)");
    try (RandomAccessFile device = pty.openDevice()) {
      for (String code : codes) {
        byte[] bytes = (code + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        int half = bytes.length / 2;
        device.write(bytes, 0, half);
        device.write(bytes, half, bytes.length - half);
      }
    }
    if (!heard.await(codes.size(), WAIT)) {
      throw new IllegalStateException("the scanner did not deliver all codes within " + WAIT);
    }
  }

  /** A keyboard-wedge burst as the screen would record it, typed with the Russian layout on. */
  private void wedge(Devices devices) {
    WedgeDecoder decoder = devices.wedgeDecoder();
    String keys = "ЛФЫЫФ-КЖ" + SampleReceipts.SALE_ID.toString().replace('a', 'ф').replace('b', 'и')
        .replace('c', 'с').replace('d', 'в').replace('e', 'у').replace('f', 'а') + "\r";
    long now = System.nanoTime();
    for (char c : keys.toCharArray()) {
      now += TimeUnit.MILLISECONDS.toNanos(c == '7' ? 180 : 4);
      decoder.key(c, now).ifPresent(decision -> console.println("wedge (Russian layout, one UI stall): " + decision));
    }
  }

  /** The receipt and the drawer kick, then an X report, each written out as PNG and text. */
  private void print(Devices devices, VirtualPrinter paperRoll) throws Exception {
    byte[] receipt = devices.layout().receipt(SampleReceipts.receipt());
    PrintOutcome outcome = devices.printer().print(PrintJob.of("receipt 42", receipt)).get(30, TimeUnit.SECONDS);
    console.println("printer " + devices.printer().profile().name() + " on " + devices.settings().printer().target().format()
        + ": " + describe(outcome));
    PrintOutcome drawer = devices.printer().openDrawer().get(30, TimeUnit.SECONDS);
    console.println("cash drawer: " + describe(drawer));
    console.println();
    console.print(paperRoll.text());
    write(paperRoll, "receipt");

    paperRoll.clear();
    byte[] report = devices.layout().shiftReport(SampleReceipts.xReport());
    console.println("X report: " + describe(devices.printer().print(PrintJob.of("X report", report)).get(30, TimeUnit.SECONDS)));
    write(paperRoll, "x-report");
  }

  private void write(VirtualPrinter paperRoll, String name) throws IOException {
    Path png = out.resolve(name + ".png");
    Path text = out.resolve(name + ".txt");
    paperRoll.writeTo(png, text);
    console.println("wrote " + png.toAbsolutePath() + " and " + text.toAbsolutePath());
  }

  private static String describe(PrintOutcome outcome) {
    if (outcome instanceof PrintOutcome.Failed failed) {
      return failed.message();
    }
    return "printed (" + ((PrintOutcome.Printed) outcome).status().describe() + ")";
  }
}
