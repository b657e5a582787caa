package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.code.InvalidReason;
import java.time.Instant;

/**
 * Something came from a scanner that is not a usable code: line noise, a run of bytes with no end,
 * or a code the classifier refused (a wrong check digit, half a code). The cashier sees
 * {@link #message()}; nothing reaches the sale. {@code invalidReason} is set for {@link
 * Kind#INVALID_CODE}.
 */
public record ScanRejection(Kind kind, InvalidReason invalidReason, String raw, String message, String source,
    Instant at) {

  public enum Kind { NOISE, TOO_LONG, INVALID_CODE }

  public ScanRejection {
    requireNonNull(kind, "kind == null");
    requireNonNull(raw, "raw == null");
    requireNonNull(message, "message == null");
    requireNonNull(source, "source == null");
    requireNonNull(at, "at == null");
    if ((kind == Kind.INVALID_CODE) != (invalidReason != null)) {
      throw new IllegalArgumentException("invalidReason goes with INVALID_CODE only: " + kind + ", " + invalidReason);
    }
  }
}
