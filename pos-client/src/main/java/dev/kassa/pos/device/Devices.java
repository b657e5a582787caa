package dev.kassa.pos.device;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.printer.CashDrawer;
import dev.kassa.pos.device.printer.FilePrinterTransport;
import dev.kassa.pos.device.printer.PrinterTransport;
import dev.kassa.pos.device.printer.ReceiptPrinter;
import dev.kassa.pos.device.printer.SerialPrinterTransport;
import dev.kassa.pos.device.printer.TcpPrinterTransport;
import dev.kassa.pos.device.scanner.KeyboardWedgeScanner;
import dev.kassa.pos.device.scanner.ScanGate;
import dev.kassa.pos.device.scanner.SerialScanner;
import dev.kassa.pos.device.scanner.WedgeDecoder;
import dev.kassa.pos.device.virtual.VirtualPrinter;
import dev.kassa.pos.receipt.ReceiptLayout;
import java.util.Optional;

/**
 * The till's devices opened from {@link DeviceSettings}: the receipt printer (with its drawer), the
 * receipt layout for its paper, the serial scanner when there is one, and the wedge decoder the
 * screens feed keys to. The one place that turns settings into live objects; close it on exit.
 */
public final class Devices implements AutoCloseable {
  private final DeviceSettings settings;
  private final ReceiptPrinter printer;
  private final VirtualPrinter preview;
  private final SerialScanner serialScanner;

  private Devices(DeviceSettings settings, ReceiptPrinter printer, VirtualPrinter preview, SerialScanner serialScanner) {
    this.settings = settings;
    this.printer = printer;
    this.preview = preview;
    this.serialScanner = serialScanner;
  }

  /** Opens everything; returns at once, a serial device that is not there yet is waited for in the background. */
  public static Devices open(DeviceSettings settings, ScanGate gate) {
    requireNonNull(settings, "settings == null");
    requireNonNull(gate, "gate == null");
    DeviceSettings.Printer p = settings.printer();
    VirtualPrinter preview = new VirtualPrinter(p.profile(), p.paper());
    ReceiptPrinter printer = new ReceiptPrinter(transport(p, preview), p.profile());
    SerialScanner scanner = null;
    DeviceSettings.Scanner s = settings.scanner();
    if (s.kind() == DeviceSettings.ScannerKind.SERIAL) {
      scanner = new SerialScanner(s.port(), s.serial(), s.suffix(), gate).start();
    }
    return new Devices(settings, printer, preview, scanner);
  }

  private static PrinterTransport transport(DeviceSettings.Printer p, VirtualPrinter virtual) {
    PrinterTarget target = p.target();
    if (target instanceof PrinterTarget.Serial serial) {
      return new SerialPrinterTransport(serial.port(), p.serial(), p.timeout());
    } else if (target instanceof PrinterTarget.Tcp tcp) {
      return new TcpPrinterTransport(tcp.host(), tcp.port(), p.timeout());
    } else if (target instanceof PrinterTarget.DeviceFile file) {
      return new FilePrinterTransport(file.device());
    }
    return virtual;
  }

  public DeviceSettings settings() {
    return settings;
  }

  public ReceiptPrinter printer() {
    return printer;
  }

  public PrinterProfile profile() {
    return settings.printer().profile();
  }

  /** The layout for this printer's paper, model and code page. */
  public ReceiptLayout layout() {
    var p = settings.printer();
    return new ReceiptLayout(p.paper(), p.profile(), p.codePage());
  }

  /** With the {@code virtual} target, what was "printed"; otherwise an empty preview. */
  public VirtualPrinter virtualPrinter() {
    return preview;
  }

  /** The cash drawer on the printer, when the settings say one is connected. */
  public Optional<CashDrawer> drawer() {
    return settings.printer().drawer() ? Optional.of(printer) : Optional.empty();
  }

  public Optional<SerialScanner> serialScanner() {
    return Optional.ofNullable(serialScanner);
  }

  /** A fresh decoder for the screen that takes keyboard input. */
  public WedgeDecoder wedgeDecoder() {
    return new WedgeDecoder(settings.scanner().wedge());
  }

  /** The keyboard-wedge scanner for the screen that takes keyboard input, reporting to {@code gate}. */
  public KeyboardWedgeScanner keyboardScanner(ScanGate gate) {
    return new KeyboardWedgeScanner(wedgeDecoder(), gate);
  }

  @Override
  public void close() {
    if (serialScanner != null) {
      serialScanner.close();
    }
    printer.close();
  }
}
