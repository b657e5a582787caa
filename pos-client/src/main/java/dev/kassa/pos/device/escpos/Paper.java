package dev.kassa.pos.device.escpos;

/**
 * The paper a printer has: roll width, characters per line in font A, printable dots per line.
 * 58 mm rolls give 32 columns on 384 dots; 80 mm rolls 48 columns on 576 dots, or 42 on 512 for
 * printers with wider margins.
 */
public record Paper(int millimetres, int columns, int dots) {

  public static final Paper MM58 = new Paper(58, 32, 384);
  public static final Paper MM80 = new Paper(80, 48, 576);
  public static final Paper MM80_NARROW = new Paper(80, 42, 512);

  public Paper {
    if (millimetres != 58 && millimetres != 80) {
      throw new IllegalArgumentException("paper must be 58 or 80 mm: " + millimetres);
    }
    if (columns < 24 || columns > 64) {
      throw new IllegalArgumentException("columns out of 24..64: " + columns);
    }
    if (dots < columns * 8 || dots > 640 || dots % 8 != 0) {
      throw new IllegalArgumentException("dots must be a multiple of 8, at least 8 per column, at most 640: " + dots);
    }
  }

  /** The standard setup for a roll width and column count: 58/32, 80/42 or 80/48. */
  public static Paper of(int millimetres, int columns) {
    if (millimetres == 58 && columns == 32) {
      return MM58;
    }
    if (millimetres == 80 && columns == 48) {
      return MM80;
    }
    if (millimetres == 80 && columns == 42) {
      return MM80_NARROW;
    }
    throw new IllegalArgumentException("no standard paper of " + millimetres + " mm with " + columns
        + " columns (58/32, 80/42, 80/48)");
  }

  /** Width of one character cell in dots. */
  public int cellDots() {
    return dots / columns;
  }
}
