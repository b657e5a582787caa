package dev.kassa.model.code;

/** The retail product barcodes a till scans; all share the GS1 mod-10 check digit. */
public enum GtinFormat {
  EAN_13(13, "EAN-13"),
  EAN_8(8, "EAN-8"),
  UPC_A(12, "UPC-A");

  private final int length;
  private final String label;

  GtinFormat(int length, String label) {
    this.length = length;
    this.label = label;
  }

  /** Digits including the check digit. */
  public int length() {
    return length;
  }

  public String label() {
    return label;
  }

  /** The format a code of this many digits must be, or null. */
  static GtinFormat ofLength(int length) {
    for (GtinFormat format : values()) {
      if (format.length == length) {
        return format;
      }
    }
    return null;
  }
}
