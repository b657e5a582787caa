package dev.kassa.pos.device.virtual;

/** The byte stream is not ESC/POS the virtual printer understands; says where and why. */
public final class EscPosFormatException extends RuntimeException {
  private final int offset;

  public EscPosFormatException(int offset, String message) {
    super("at byte " + offset + ": " + message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
