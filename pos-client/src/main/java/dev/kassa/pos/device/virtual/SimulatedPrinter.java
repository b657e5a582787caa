package dev.kassa.pos.device.virtual;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterStatus;
import dev.kassa.pos.device.printer.PrinterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The device end of a printer connection, played by a {@link VirtualPrinter}: reads what the till
 * sends over a byte stream (a TCP socket, the far end of a pty pair), answers the status query
 * with the virtual printer's status, and prints the bytes received before it. Used by the demo
 * and by the transport tests, so both go through the real serial and TCP code.
 *
 * <p>Kassa's transports end every job with the full {@code DLE EOT 1, 2, 4} query; that 9-byte
 * sequence marks a job's end here. (A raster image could in theory contain it; at 9 bytes the
 * odds are negligible for a simulator.)
 */
public final class SimulatedPrinter {
  private static final byte[] QUERY = PrinterStatus.query();

  private final VirtualPrinter printer;

  public SimulatedPrinter(VirtualPrinter printer) {
    this.printer = requireNonNull(printer, "printer == null");
  }

  public VirtualPrinter printer() {
    return printer;
  }

  /** Serves one connection until the stream ends; bytes after the last query are dropped, as a printer would keep them unprinted in its buffer. */
  public void serve(InputStream in, OutputStream out) throws IOException {
    byte[] job = new byte[8192];
    int length = 0;
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      for (int i = 0; i < n; i++) {
        if (length == job.length) {
          job = Arrays.copyOf(job, job.length * 2);
        }
        job[length++] = buffer[i];
        if (length >= QUERY.length && Arrays.equals(job, length - QUERY.length, length, QUERY, 0, QUERY.length)) {
          out.write(answer(Arrays.copyOf(job, length - QUERY.length)));
          out.flush();
          length = 0;
        }
      }
    }
  }

  private byte[] answer(byte[] data) {
    try {
      PrinterStatus status = data.length == 0 ? printer.status().orElseThrow() : printer.send(data).orElseThrow();
      return status.encode();
    } catch (PrinterException e) {
      throw new IllegalStateException("the virtual printer does not fail to print", e);
    }
  }
}
