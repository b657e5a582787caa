package dev.kassa.pos.device.virtual;

import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.virtual.PrintElement.Barcode;
import dev.kassa.pos.device.virtual.PrintElement.Cut;
import dev.kassa.pos.device.virtual.PrintElement.DrawerPulse;
import dev.kassa.pos.device.virtual.PrintElement.Image;
import dev.kassa.pos.device.virtual.PrintElement.Qr;
import dev.kassa.pos.device.virtual.PrintElement.TextLine;
import java.util.List;

/**
 * A printout as plain text, one line per printed line, aligned within the paper's columns. Codes
 * and images appear as bracketed notes, so a golden text file shows what was printed where.
 */
public final class PrintoutText {
  private PrintoutText() {}

  public static String render(List<PrintElement> elements, int columns) {
    StringBuilder text = new StringBuilder();
    for (PrintElement element : elements) {
      String line = line(element, columns);
      text.append(line.stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String line(PrintElement element, int columns) {
    if (element instanceof TextLine l) {
      return aligned(l.text(), l.columns(), l.align(), columns);
    } else if (element instanceof Barcode b) {
      return note("[" + b.symbology() + " " + b.data() + "]", b.align(), columns);
    } else if (element instanceof Qr q) {
      return note("[QR " + q.data() + "]", q.align(), columns);
    } else if (element instanceof Image i) {
      return note("[image " + i.raster().width() + "x" + i.raster().height() + "]", i.align(), columns);
    } else if (element instanceof Cut) {
      return "[cut]";
    } else if (element instanceof DrawerPulse) {
      return "[drawer]";
    }
    throw new IllegalArgumentException("unknown element " + element);
  }

  private static String note(String note, Align align, int columns) {
    return aligned(note, note.length(), align, columns);
  }

  private static String aligned(String text, int used, Align align, int columns) {
    int free = Math.max(0, columns - used);
    int left = switch (align) {
      case LEFT -> 0;
      case CENTER -> free / 2;
      case RIGHT -> free;
    };
    return " ".repeat(left) + text;
  }
}
