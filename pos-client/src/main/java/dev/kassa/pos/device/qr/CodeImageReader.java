package dev.kassa.pos.device.qr;

import static java.util.Objects.requireNonNull;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads a barcode or QR code from a picture: a camera frame, or a screenshot of a loyalty card on
 * a customer's phone. Tries hard (rotations, inverted screens in dark mode) because a cashier
 * holding a phone up to a webcam produces poor frames.
 */
public final class CodeImageReader {
  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.ALSO_INVERTED, Boolean.TRUE,
      DecodeHintType.CHARACTER_SET, "UTF-8",
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.EAN_13,
          BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.CODE_128));

  /** A code found in a picture: its text and which symbology it was. */
  public record Decoded(String text, BarcodeFormat format) {
    public Decoded {
      requireNonNull(text, "text == null");
      requireNonNull(format, "format == null");
    }
  }

  /** The code in {@code image}, or empty when none could be read. */
  public Optional<Decoded> read(BufferedImage image) {
    requireNonNull(image, "image == null");
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      Result result = new MultiFormatReader().decode(bitmap, HINTS);
      return Optional.of(new Decoded(result.getText(), result.getBarcodeFormat()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The code in an image file (PNG, JPEG); an error when the file is not an image. */
  public Optional<Decoded> read(Path file) throws IOException {
    requireNonNull(file, "file == null");
    BufferedImage image;
    try (var in = Files.newInputStream(file)) {
      image = ImageIO.read(in);
    }
    if (image == null) {
      throw new IOException("not a readable image: " + file);
    }
    return read(image);
  }
}
