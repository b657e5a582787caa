package dev.kassa.pos.device.virtual;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.escpos.RasterImage;
import java.util.List;

/** One thing a printer put on paper, as the virtual printer understood the byte stream. */
public sealed interface PrintElement {

  /** A run of text in one style; a line holds one or more. */
  record Run(String text, boolean bold, int width, int height) {
    public Run {
      requireNonNull(text, "text == null");
    }
  }

  /** A printed line (an empty one is a blank line fed). */
  record TextLine(List<Run> runs, Align align) implements PrintElement {
    public TextLine {
      runs = List.copyOf(runs);
      requireNonNull(align, "align == null");
    }

    public String text() {
      StringBuilder text = new StringBuilder();
      runs.forEach(run -> text.append(run.text()));
      return text.toString();
    }

    /** Columns the line takes: double-width characters take two. */
    public int columns() {
      return runs.stream().mapToInt(run -> run.text().length() * run.width()).sum();
    }

    public int heightMultiplier() {
      return runs.stream().mapToInt(Run::height).max().orElse(1);
    }
  }

  enum Symbology { EAN_13, CODE_128 }

  record Barcode(Symbology symbology, String data, Align align) implements PrintElement {}

  record Qr(String data, int moduleDots, Align align) implements PrintElement {}

  record Image(RasterImage raster, Align align) implements PrintElement {}

  record Cut() implements PrintElement {}

  record DrawerPulse() implements PrintElement {}
}
