package dev.kassa.pos.device.escpos;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;

/**
 * A 1-bit image in the printer's raster layout: rows of bytes, most significant bit leftmost,
 * 1 = a burnt (black) dot. Used both for sending ({@code GS v 0}) and for what the virtual printer
 * decodes back.
 */
public record RasterImage(int width, int height, byte[] packedRows) {

  public RasterImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("raster size must be positive: " + width + "x" + height);
    }
    requireNonNull(packedRows, "packedRows == null");
    if (packedRows.length != ((width + 7) / 8) * height) {
      throw new IllegalArgumentException("raster of " + width + "x" + height + " needs "
          + ((width + 7) / 8) * height + " bytes, got " + packedRows.length);
    }
    packedRows = packedRows.clone();
  }

  @Override
  public byte[] packedRows() {
    return packedRows.clone();
  }

  public int widthBytes() {
    return (width + 7) / 8;
  }

  public boolean isBlack(int x, int y) {
    int b = packedRows[y * widthBytes() + x / 8] & 0xFF;
    return (b & (0x80 >> (x % 8))) != 0;
  }

  /** Thresholds an image at mid-grey: darker pixels become dots. Transparent pixels stay white. */
  public static RasterImage of(BufferedImage image) {
    requireNonNull(image, "image == null");
    int width = image.getWidth();
    int height = image.getHeight();
    int widthBytes = (width + 7) / 8;
    byte[] rows = new byte[widthBytes * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int argb = image.getRGB(x, y);
        int alpha = argb >>> 24;
        int luma = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
        if (alpha >= 128 && luma < 128) {
          rows[y * widthBytes + x / 8] |= (byte) (0x80 >> (x % 8));
        }
      }
    }
    return new RasterImage(width, height, rows);
  }

  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, isBlack(x, y) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    return image;
  }
}
