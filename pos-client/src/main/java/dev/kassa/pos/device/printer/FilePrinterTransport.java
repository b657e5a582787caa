package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Printing into a device file such as {@code /dev/usb/lp0} (the Linux USB printer class driver).
 * One-way: the status cannot be asked, so only a missing device or a write error is reported.
 * The file is never created: a missing device is a {@link PrinterProblem#DEVICE_MISSING}, not a
 * stray regular file full of receipts.
 */
public final class FilePrinterTransport implements PrinterTransport {
  private final Path device;

  public FilePrinterTransport(Path device) {
    this.device = requireNonNull(device, "device == null");
  }

  @Override
  public Optional<PrinterStatus> send(byte[] bytes) throws PrinterException {
    if (!Files.exists(device)) {
      throw new PrinterException(PrinterProblem.DEVICE_MISSING, device + " does not exist");
    }
    try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new PrinterException(PrinterProblem.IO_ERROR, device + ": " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  @Override
  public Optional<PrinterStatus> status() throws PrinterException {
    if (!Files.exists(device)) {
      throw new PrinterException(PrinterProblem.DEVICE_MISSING, device + " does not exist");
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "file:" + device;
  }
}
