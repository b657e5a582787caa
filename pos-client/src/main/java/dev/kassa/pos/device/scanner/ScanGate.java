package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The one gate every scanner's output passes: bytes that are not printable ASCII are noise, the
 * rest goes through the shared {@link ScanClassifier}; the listener hears either a
 * {@link ScannedCode} or a {@link ScanRejection}, never both, never an exception.
 */
public final class ScanGate {
  private final ScanClassifier classifier;
  private final ScanListener listener;
  private final Clock clock;

  public ScanGate(ScanClassifier classifier, ScanListener listener, Clock clock) {
    this.classifier = requireNonNull(classifier, "classifier == null");
    this.listener = requireNonNull(listener, "listener == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  public ScanListener listener() {
    return listener;
  }

  /** A line of raw bytes from a serial scanner. */
  public void line(byte[] bytes, String source) {
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7E) {
        reject(ScanRejection.Kind.NOISE, raw, "Unreadable characters from the scanner (line noise?); scan again", source);
        return;
      }
    }
    text(raw, source);
  }

  /** Bytes that never got their end-of-code suffix. */
  public void overflow(byte[] bytes, String source) {
    reject(ScanRejection.Kind.TOO_LONG, new String(bytes, StandardCharsets.ISO_8859_1),
        "The scanner sent " + bytes.length + " bytes without an end of code; check its suffix setting", source);
  }

  /** A code as text (from the keyboard wedge, already mapped to Latin). */
  public void text(String text, String source) {
    Scan scan = classifier.classify(text);
    if (scan instanceof Scan.Unknown unknown) {
      listener.onRejected(new ScanRejection(ScanRejection.Kind.INVALID_CODE, unknown.reason(), text,
          unknown.message(), source, clock.instant()));
    } else {
      listener.onScan(new ScannedCode(text.strip(), scan, source, clock.instant()));
    }
  }

  private void reject(ScanRejection.Kind kind, String raw, String message, String source) {
    listener.onRejected(new ScanRejection(kind, null, raw, message, source, clock.instant()));
  }
}
