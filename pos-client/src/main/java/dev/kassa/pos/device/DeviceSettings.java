package dev.kassa.pos.device;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.scanner.LineSuffix;
import dev.kassa.pos.device.scanner.WedgeDecoder;
import dev.kassa.pos.device.serial.SerialSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The till's hardware as configured: which scanner, which printer and how to reach it, the paper,
 * the code page and the printer model's profile. Read from {@code devices.properties} in the
 * terminal data directory by {@link DeviceConfigFile}; the settings screen edits the same record.
 */
public record DeviceSettings(Scanner scanner, Printer printer) {

  public enum ScannerKind { NONE, WEDGE, SERIAL }

  /** A keyboard-wedge scanner uses {@code wedge}; a serial one {@code port}, {@code serial}, {@code suffix}. */
  public record Scanner(ScannerKind kind, Path port, SerialSettings serial, LineSuffix suffix,
      WedgeDecoder.Settings wedge) {
    public Scanner {
      requireNonNull(kind, "kind == null");
      requireNonNull(serial, "serial == null");
      requireNonNull(suffix, "suffix == null");
      requireNonNull(wedge, "wedge == null");
      if (kind == ScannerKind.SERIAL && port == null) {
        throw new IllegalArgumentException("a serial scanner needs a port");
      }
    }
  }

  /** {@code serial} applies to a serial target only; {@code drawer} says a cash drawer hangs on the printer. */
  public record Printer(PrinterTarget target, SerialSettings serial, PrinterProfile profile, CodePage codePage,
      Paper paper, Duration timeout, boolean drawer) {
    public Printer {
      requireNonNull(target, "target == null");
      requireNonNull(serial, "serial == null");
      requireNonNull(profile, "profile == null");
      requireNonNull(codePage, "codePage == null");
      requireNonNull(paper, "paper == null");
      requireNonNull(timeout, "timeout == null");
      profile.selectionNumber(codePage);
    }
  }

  public DeviceSettings {
    requireNonNull(scanner, "scanner == null");
    requireNonNull(printer, "printer == null");
  }
}
