package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a serial byte stream into lines at the configured suffix. Serial ports deliver whatever has
 * arrived, so a code may come in several chunks and a CRLF may be split between two of them; the
 * splitter keeps the unfinished part until its suffix arrives. A line longer than
 * {@code maxLength} without a suffix is noise on the wire and is handed out as overflow rather
 * than growing without end.
 */
public final class LineSplitter {
  /** A finished line, or a run of bytes that never got a suffix. */
  public record Piece(byte[] bytes, boolean overflow) {}

  private final byte[] suffix;
  private final int maxLength;
  private final byte[] pending;
  private int length;

  public LineSplitter(LineSuffix suffix, int maxLength) {
    this.suffix = requireNonNull(suffix, "suffix == null").bytes();
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength < 1: " + maxLength);
    }
    this.maxLength = maxLength;
    this.pending = new byte[maxLength + this.suffix.length];
  }

  /** Takes the next chunk; returns the lines it completed, in order. */
  public List<Piece> feed(byte[] chunk) {
    requireNonNull(chunk, "chunk == null");
    List<Piece> pieces = new ArrayList<>();
    for (byte b : chunk) {
      pending[length++] = b;
      if (endsWithSuffix()) {
        pieces.add(new Piece(Arrays.copyOf(pending, length - suffix.length), false));
        length = 0;
      } else if (length == pending.length) {
        pieces.add(new Piece(Arrays.copyOf(pending, length), true));
        length = 0;
      }
    }
    return pieces;
  }

  /** Drops an unfinished line, e.g. half a code cut off when the scanner was unplugged. */
  public void reset() {
    length = 0;
  }

  private boolean endsWithSuffix() {
    if (length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (pending[length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }
}
