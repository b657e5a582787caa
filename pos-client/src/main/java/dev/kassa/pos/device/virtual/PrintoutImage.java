package dev.kassa.pos.device.virtual;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.qr.QrCodes;
import dev.kassa.pos.device.virtual.PrintElement.Barcode;
import dev.kassa.pos.device.virtual.PrintElement.Cut;
import dev.kassa.pos.device.virtual.PrintElement.Image;
import dev.kassa.pos.device.virtual.PrintElement.Qr;
import dev.kassa.pos.device.virtual.PrintElement.Run;
import dev.kassa.pos.device.virtual.PrintElement.TextLine;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a printout the way a thermal printer burns it: one dot per pixel, black on white, a 24-dot
 * line pitch and one character cell per column (12 x 24 dots, Epson font A). Text is drawn with
 * DejaVu Sans Mono when installed (it has Cyrillic), else Java's logical monospaced font; without
 * antialiasing, so the image stays pure black and white like paper. Runs headless.
 */
public final class PrintoutImage {
  private static final int LINE_DOTS = 24;
  private static final int BARCODE_MODULE = 2;
  private static final int BARCODE_HEIGHT = 80;
  private static final int CUT_DOTS = 16;
  private static final String FONT_FAMILY = "DejaVu Sans Mono";

  private final Paper paper;
  private final Font regular;
  private final Font bold;

  private PrintoutImage(Paper paper) {
    this.paper = paper;
    String family = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames(Locale.ROOT)).contains(FONT_FAMILY) ? FONT_FAMILY : Font.MONOSPACED;
    this.regular = new Font(family, Font.PLAIN, 19);
    this.bold = new Font(family, Font.BOLD, 19);
  }

  public static BufferedImage render(List<PrintElement> elements, Paper paper) {
    return new PrintoutImage(paper).draw(elements);
  }

  private BufferedImage draw(List<PrintElement> elements) {
    List<BufferedImage> blocks = new ArrayList<>();
    for (PrintElement element : elements) {
      BufferedImage block = block(element);
      if (block != null) {
        blocks.add(block);
      }
    }
    int height = Math.max(1, blocks.stream().mapToInt(BufferedImage::getHeight).sum());
    BufferedImage page = new BufferedImage(paper.dots(), height, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, paper.dots(), height);
    int y = 0;
    for (BufferedImage block : blocks) {
      g.drawImage(block, 0, y, null);
      y += block.getHeight();
    }
    g.dispose();
    return page;
  }

  private BufferedImage block(PrintElement element) {
    if (element instanceof TextLine line) {
      return text(line);
    } else if (element instanceof Barcode barcode) {
      return barcode(barcode);
    } else if (element instanceof Qr qr) {
      return aligned(QrCodes.image(qr.data(), qr.moduleDots()), qr.align());
    } else if (element instanceof Image image) {
      return aligned(image.raster().toImage(), image.align());
    } else if (element instanceof Cut) {
      BufferedImage cut = blank(CUT_DOTS);
      Graphics2D g = cut.createGraphics();
      g.setColor(Color.BLACK);
      for (int x = 0; x < paper.dots(); x += 8) {
        g.drawLine(x, CUT_DOTS / 2, x + 3, CUT_DOTS / 2);
      }
      g.dispose();
      return cut;
    }
    return null;
  }

  private BufferedImage text(TextLine line) {
    int cell = paper.cellDots();
    int height = LINE_DOTS * line.heightMultiplier();
    BufferedImage block = blank(height);
    Graphics2D g = block.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(Color.BLACK);
    int free = Math.max(0, paper.columns() - line.columns());
    int column = switch (line.align()) {
      case LEFT -> 0;
      case CENTER -> free / 2;
      case RIGHT -> free;
    };
    for (Run run : line.runs()) {
      g.setFont(run.bold() ? bold : regular);
      for (char c : run.text().toCharArray()) {
        AffineTransform saved = g.getTransform();
        g.translate(column * cell, height - 5 * run.height());
        g.scale(run.width(), run.height());
        g.drawString(String.valueOf(c), 0, 0);
        g.setTransform(saved);
        column += run.width();
      }
    }
    g.dispose();
    return block;
  }

  private BufferedImage barcode(Barcode barcode) {
    BitMatrix bars = barcode.symbology() == PrintElement.Symbology.EAN_13
        ? new EAN13Writer().encode(barcode.data(), BarcodeFormat.EAN_13, 0, 1)
        : new Code128Writer().encode(barcode.data(), BarcodeFormat.CODE_128, 0, 1);
    int width = Math.min(paper.dots(), bars.getWidth() * BARCODE_MODULE);
    BufferedImage image = new BufferedImage(width, BARCODE_HEIGHT + LINE_DOTS, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, image.getHeight());
    g.setColor(Color.BLACK);
    for (int x = 0; x < bars.getWidth() && x * BARCODE_MODULE < width; x++) {
      if (bars.get(x, 0)) {
        g.fillRect(x * BARCODE_MODULE, 0, BARCODE_MODULE, BARCODE_HEIGHT);
      }
    }
    g.setFont(regular);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    int textWidth = barcode.data().length() * paper.cellDots();
    int x = Math.max(0, (width - textWidth) / 2);
    for (char c : barcode.data().toCharArray()) {
      g.drawString(String.valueOf(c), x, BARCODE_HEIGHT + LINE_DOTS - 5);
      x += paper.cellDots();
    }
    g.dispose();
    return aligned(image, barcode.align());
  }

  private BufferedImage aligned(BufferedImage image, Align align) {
    BufferedImage block = blank(image.getHeight());
    int free = Math.max(0, paper.dots() - image.getWidth());
    int x = switch (align) {
      case LEFT -> 0;
      case CENTER -> free / 2;
      case RIGHT -> free;
    };
    Graphics2D g = block.createGraphics();
    g.drawImage(image, x, 0, null);
    g.dispose();
    return block;
  }

  private BufferedImage blank(int height) {
    BufferedImage block = new BufferedImage(paper.dots(), height, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = block.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, paper.dots(), height);
    g.dispose();
    return block;
  }
}
