package dev.kassa.pos.device.qr;

import static java.util.Objects.requireNonNull;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.escpos.RasterImage;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * QR codes Kassa makes: the receipt id (scanned at the till to find the sale for a return) and the
 * digital loyalty card shown on a phone. Rendered with ZXing, UTF-8, error level M, a quiet zone
 * of four modules as the standard asks.
 */
public final class QrCodes {
  private static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /** The text in a receipt's QR: {@code KASSA-R:<sale uuid>}, as the scan classifier reads it. */
  public static String receiptPayload(UUID saleId) {
    return ScanClassifier.RECEIPT_PREFIX + requireNonNull(saleId, "saleId == null");
  }

  /**
   * The text in a digital loyalty card's QR: the card number itself, so the till reads a card
   * shown on a phone exactly like the plastic card's barcode.
   */
  public static String cardPayload(String cardNumber) {
    requireNonNull(cardNumber, "cardNumber == null");
    if (!cardNumber.matches("\\d{6,19}")) {
      throw new IllegalArgumentException("card number must be 6..19 digits: " + cardNumber);
    }
    return cardNumber;
  }

  /** The modules of the QR for {@code data}, quiet zone included, one bit per module. */
  public static BitMatrix matrix(String data) {
    requireNonNull(data, "data == null");
    try {
      BitMatrix modules = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.MARGIN, QUIET_ZONE));
      return modules;
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as QR (" + e.getMessage() + "): " + data.length() + " chars", e);
    }
  }

  /** The QR as a printer raster, each module {@code moduleDots} square. */
  public static RasterImage raster(String data, int moduleDots) {
    return RasterImage.of(image(data, moduleDots));
  }

  /** The QR as a black-on-white image, each module {@code modulePixels} square. */
  public static BufferedImage image(String data, int modulePixels) {
    if (modulePixels < 1 || modulePixels > 32) {
      throw new IllegalArgumentException("module size out of 1..32: " + modulePixels);
    }
    BitMatrix modules = matrix(data);
    int size = modules.getWidth() * modulePixels;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean black = modules.get(x / modulePixels, y / modulePixels);
        image.setRGB(x, y, black ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    return image;
  }
}
