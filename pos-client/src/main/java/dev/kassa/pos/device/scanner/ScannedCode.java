package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.code.Scan;
import java.time.Instant;

/**
 * A code a scanner read and the classifier accepted: a product barcode, a weighed item, a loyalty
 * card, a receipt QR. {@code source} names the scanner ("serial /dev/ttyACM0", "keyboard").
 */
public record ScannedCode(String text, Scan scan, String source, Instant at) {
  public ScannedCode {
    requireNonNull(text, "text == null");
    requireNonNull(scan, "scan == null");
    requireNonNull(source, "source == null");
    requireNonNull(at, "at == null");
    if (scan instanceof Scan.Unknown) {
      throw new IllegalArgumentException("an unknown scan is a rejection, not a code: " + text);
    }
  }
}
