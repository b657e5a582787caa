package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.serial.SerialLink;
import dev.kassa.pos.device.serial.SerialSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A scanner on a serial port (RS-232, or USB in CDC/virtual COM mode): bytes are cut into codes at
 * the configured suffix and passed through the {@link ScanGate}. Survives unplugging; scanning
 * resumes by itself when the scanner is back. Everything runs on the port's own thread.
 */
public final class SerialScanner implements AutoCloseable {
  private static final int MAX_CODE_BYTES = 512;

  private final SerialLink link;

  public SerialScanner(Path port, SerialSettings settings, LineSuffix suffix, ScanGate gate) {
    requireNonNull(gate, "gate == null");
    LineSplitter splitter = new LineSplitter(suffix, MAX_CODE_BYTES);
    String source = "serial " + port;
    this.link = new SerialLink(port, settings, new SerialLink.Listener() {
      @Override
      public void onBytes(byte[] bytes) {
        for (LineSplitter.Piece piece : splitter.feed(bytes)) {
          if (piece.overflow()) {
            gate.overflow(piece.bytes(), source);
          } else if (piece.bytes().length > 0) {
            gate.line(piece.bytes(), source);
          }
        }
      }

      @Override
      public void onConnected(boolean connected) {
        splitter.reset();
        gate.listener().onConnected(connected);
      }
    });
  }

  public SerialScanner start() {
    link.start();
    return this;
  }

  public boolean isConnected() {
    return link.isConnected();
  }

  /** Waits up to {@code timeout} for the port to open; true when it did. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return link.awaitConnected(timeout);
  }

  @Override
  public void close() {
    link.close();
  }
}
