package dev.kassa.pos.device.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.oned.EAN13Writer;
import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.receipt.SampleReceipts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeImageReaderTest {
  private final CodeImageReader reader = new CodeImageReader();

  /** A phone screenshot: status bar, app chrome, the card with its QR scaled smoothly off-centre. */
  private static BufferedImage phoneScreenshot(String qrText, boolean darkMode) {
    BufferedImage screen = new BufferedImage(1080, 2340, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = screen.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    Color background = darkMode ? new Color(0x12, 0x12, 0x12) : new Color(0xF2, 0xF2, 0xF7);
    Color card = darkMode ? new Color(0x2C, 0x2C, 0x2E) : Color.WHITE;
    g.setColor(background);
    g.fillRect(0, 0, 1080, 2340);
    g.setColor(new Color(0x3A, 0x6E, 0xA5));
    g.fillRect(0, 0, 1080, 180);
    g.setColor(card);
    g.fillRoundRect(90, 500, 900, 1100, 60, 60);
    BufferedImage qr = QrCodes.image(qrText, 1);
    if (darkMode) {
      for (int y = 0; y < qr.getHeight(); y++) {
        for (int x = 0; x < qr.getWidth(); x++) {
          qr.setRGB(x, y, qr.getRGB(x, y) == 0xFFFFFFFF ? 0xFF000000 : 0xFFE0E0E0);
        }
      }
    }
    g.drawImage(qr, 215, 700, 650, 650, null);
    g.dispose();
    return screen;
  }

  @Test
  void readsALoyaltyCardFromAPhoneScreenshot(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("screenshot.png");
    ImageIO.write(phoneScreenshot(QrCodes.cardPayload(SampleReceipts.CARD_NUMBER), false), "png", png.toFile());

    var decoded = reader.read(png);

    assertThat(decoded).hasValueSatisfying(code -> {
      assertThat(code.format()).isEqualTo(BarcodeFormat.QR_CODE);
      assertThat(ScanClassifier.standard().classify(code.text())).isEqualTo(new Scan.LoyaltyCard(SampleReceipts.CARD_NUMBER));
    });
  }

  @Test
  void readsAnInvertedQrFromADarkModeScreen() {
    var decoded = reader.read(phoneScreenshot(QrCodes.cardPayload(SampleReceipts.CARD_NUMBER), true));

    assertThat(decoded).hasValueSatisfying(code -> assertThat(code.text()).isEqualTo(SampleReceipts.CARD_NUMBER));
  }

  @Test
  void readsAnEan13FromALossyCameraFrame(@TempDir Path dir) throws IOException {
    var bars = new EAN13Writer().encode("4601234567893", BarcodeFormat.EAN_13, 0, 0);
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(0xB0, 0xA8, 0x98));
    g.fillRect(0, 0, 640, 480);
    g.setColor(new Color(0xF4, 0xF0, 0xE8));
    g.fillRect(100, 150, 440, 180);
    g.setColor(new Color(0x20, 0x20, 0x20));
    for (int x = 0; x < bars.getWidth(); x++) {
      if (bars.get(x, 0)) {
        g.fillRect(130 + x * 4, 170, 4, 140);
      }
    }
    g.dispose();
    Path jpeg = dir.resolve("frame.jpg");
    ImageIO.write(frame, "jpg", jpeg.toFile());

    assertThat(reader.read(jpeg)).hasValueSatisfying(code -> {
      assertThat(code.format()).isEqualTo(BarcodeFormat.EAN_13);
      assertThat(code.text()).isEqualTo("4601234567893");
    });
  }

  @Test
  void aPictureWithoutACodeReadsAsNothing() {
    assertThat(reader.read(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB))).isEmpty();
  }

  @Test
  void aFileThatIsNoImageIsAnError(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("card.png"), "not a picture");
    assertThatThrownBy(() -> reader.read(text)).isInstanceOf(IOException.class).hasMessageContaining("not a readable image");
  }

  @Test
  void receiptQrCarriesTheSaleId() {
    assertThat(QrCodes.receiptPayload(SampleReceipts.SALE_ID)).isEqualTo("KASSA-R:" + SampleReceipts.SALE_ID);
    assertThatThrownBy(() -> QrCodes.cardPayload("12ab")).hasMessageContaining("6..19 digits");
  }
}
