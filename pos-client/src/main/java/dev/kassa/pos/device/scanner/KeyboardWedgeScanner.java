package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A keyboard-wedge scanner as the sale screen uses it: every key goes to {@link #key}, with the
 * time it arrived; a burst judged a scan goes through the {@link ScanGate} (so the listener hears
 * a code or a rejection, exactly as from a serial scanner), and the decision is returned so the
 * screen can take the scanned characters back out of the focused field. Runs on the UI thread;
 * a decision costs a few microseconds.
 */
public final class KeyboardWedgeScanner {
  private static final String SOURCE = "keyboard";

  private final WedgeDecoder decoder;
  private final ScanGate gate;

  public KeyboardWedgeScanner(WedgeDecoder decoder, ScanGate gate) {
    this.decoder = requireNonNull(decoder, "decoder == null");
    this.gate = requireNonNull(gate, "gate == null");
  }

  /** One typed character; a terminator returns the decision, after the gate has heard a scan. */
  public Optional<WedgeDecoder.Decision> key(char c, long nanos) {
    Optional<WedgeDecoder.Decision> decision = decoder.key(c, nanos);
    decision.filter(WedgeDecoder.Scan.class::isInstance)
        .map(WedgeDecoder.Scan.class::cast)
        .ifPresent(scan -> gate.text(scan.code(), SOURCE));
    return decision;
  }
}
