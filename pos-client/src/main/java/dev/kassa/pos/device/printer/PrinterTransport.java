package dev.kassa.pos.device.printer;

import dev.kassa.pos.device.escpos.PrinterStatus;
import java.util.Optional;

/**
 * A way to get bytes to a printer: serial port, raw TCP (port 9100), a device file, or the
 * virtual printer. Calls may block for up to the transport's timeout, so only the
 * {@link ReceiptPrinter}'s own thread calls them.
 */
public interface PrinterTransport extends AutoCloseable {

  /**
   * Delivers the bytes whole or throws, then asks the printer how it is. Printers answer status
   * queries as soon as they receive them, so "paper out" shows up here when the roll ran out
   * while the job's bytes were still arriving; a roll that ends later shows at the next job.
   *
   * @return the status after the bytes, or empty when this transport cannot ask
   */
  Optional<PrinterStatus> send(byte[] bytes) throws PrinterException;

  /** The printer's status, or empty for one-way transports (a device file) that cannot ask. */
  Optional<PrinterStatus> status() throws PrinterException;

  /** Where the bytes go, for logs and the settings screen, e.g. {@code tcp:10.0.0.5:9100}. */
  String describe();

  @Override
  default void close() {}
}
