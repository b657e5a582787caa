package dev.kassa.pos.device.escpos;

/**
 * What a printer said about itself in answer to {@code DLE EOT 1, 2, 4}. {@code nearEnd} is a
 * warning only: the roll still prints for a few receipts.
 */
public record PrinterStatus(boolean offline, boolean coverOpen, boolean paperOut, boolean nearEnd) {

  public static final PrinterStatus READY = new PrinterStatus(false, false, false, false);

  /** {@code DLE EOT 1}, {@code DLE EOT 2}, {@code DLE EOT 4}: one answer byte each, in this order. */
  private static final byte[] QUERY = {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4};

  public static byte[] query() {
    return QUERY.clone();
  }

  /** True when a job sent now would not come out whole. */
  public boolean blocksPrinting() {
    return offline || coverOpen || paperOut;
  }

  /**
   * Decodes the three status bytes. Bits 1 and 4 of each are always set and bit 0 and 7 always
   * clear; a byte that breaks that frame is not a status answer and is refused.
   *
   * @param printer answer to {@code DLE EOT 1}: bit 3 = offline
   * @param offlineCause answer to {@code DLE EOT 2}: bit 2 = cover open, bit 5 = stopped by paper end
   * @param paper answer to {@code DLE EOT 4}: bits 2-3 = near end, bits 5-6 = paper out
   */
  public static PrinterStatus decode(int printer, int offlineCause, int paper) {
    requireFrame(printer, "printer");
    requireFrame(offlineCause, "offline cause");
    requireFrame(paper, "paper");
    boolean paperOut = (paper & 0x60) != 0 || (offlineCause & 0x20) != 0;
    return new PrinterStatus((printer & 0x08) != 0, (offlineCause & 0x04) != 0, paperOut, (paper & 0x0C) != 0);
  }

  /** The three bytes a printer in this state answers; the fake printers in tests and demos use it. */
  public byte[] encode() {
    int printer = 0x12 | (blocksPrinting() ? 0x08 : 0);
    int cause = 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
    int paper = 0x12 | (nearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0);
    return new byte[] {(byte) printer, (byte) cause, (byte) paper};
  }

  private static void requireFrame(int b, String what) {
    if ((b & 0x93) != 0x12) {
      throw new IllegalArgumentException(
          "not a DLE EOT " + what + " status byte: 0x" + Integer.toHexString(b & 0xFF));
    }
  }

  /** The cashier-readable reason, or "ready". */
  public String describe() {
    if (paperOut) {
      return "paper out";
    }
    if (coverOpen) {
      return "cover open";
    }
    if (offline) {
      return "printer offline";
    }
    return nearEnd ? "paper near end" : "ready";
  }
}
