package dev.kassa.pos.device.escpos;

/** The ESC/POS command bytes Kassa uses, named once so the encoder and the decoder agree. */
public final class EscPos {
  private EscPos() {}

  public static final byte ESC = 0x1B;
  public static final byte GS = 0x1D;
  public static final byte DLE = 0x10;
  public static final byte EOT = 0x04;
  public static final byte LF = 0x0A;

  public static final byte INIT = '@';
  public static final byte ALIGN = 'a';
  public static final byte BOLD = 'E';
  public static final byte CODE_TABLE = 't';
  public static final byte FEED_LINES = 'd';
  public static final byte DRAWER_PULSE = 'p';

  public static final byte CHAR_SIZE = '!';
  public static final byte BARCODE_HEIGHT = 'h';
  public static final byte BARCODE_WIDTH = 'w';
  public static final byte BARCODE_HRI = 'H';
  public static final byte BARCODE = 'k';
  public static final byte CUT = 'V';
  public static final byte RASTER = 'v';
  public static final byte FUNCTION = '(';

  /** {@code GS k m} function B system numbers. */
  public static final int BARCODE_EAN13 = 67;
  public static final int BARCODE_CODE128 = 73;

  /** {@code GS ( k} QR function numbers (cn = 49). */
  public static final int QR_CN = 49;
  public static final int QR_MODEL = 65;
  public static final int QR_SIZE = 67;
  public static final int QR_ERROR_LEVEL = 69;
  public static final int QR_STORE = 80;
  public static final int QR_PRINT = 81;

  /** {@code DLE EOT n} status kinds. */
  public static final int STATUS_PRINTER = 1;
  public static final int STATUS_OFFLINE_CAUSE = 2;
  public static final int STATUS_PAPER = 4;
}
