package dev.kassa.pos.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.escpos.Align;
import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.EscPosWriter;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.qr.CodeImageReader;
import dev.kassa.pos.device.virtual.PrintElement.Qr;
import dev.kassa.pos.device.virtual.PrintElement.TextLine;
import dev.kassa.pos.receipt.ReceiptLayout;
import dev.kassa.pos.receipt.SampleReceipts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualPrinterTest {
  private static final CodeImageReader READER = new CodeImageReader();

  @Test
  void decodesStylesAlignmentAndCyrillicBack() {
    byte[] bytes = new EscPosWriter(PrinterProfile.EPSON).init().codePage(CodePage.CP866)
        .align(Align.RIGHT).text("Итог ").bold(true).size(2, 1).line("100").toBytes();

    var elements = EscPosDecoder.decode(PrinterProfile.EPSON, bytes);

    assertThat(elements).singleElement().isInstanceOfSatisfying(TextLine.class, line -> {
      assertThat(line.text()).isEqualTo("Итог 100");
      assertThat(line.align()).isEqualTo(Align.RIGHT);
      assertThat(line.columns()).isEqualTo(5 + 6);
      assertThat(line.runs().get(1).bold()).isTrue();
    });
  }

  @Test
  void nativeQrWithCyrillicComesBackWhole() {
    String data = "Карта лояльности 2775001234567891";
    byte[] bytes = new EscPosWriter(PrinterProfile.EPSON).qr(data, 4).toBytes();

    assertThat(EscPosDecoder.decode(PrinterProfile.EPSON, bytes)).singleElement()
        .isEqualTo(new Qr(data, 4, Align.LEFT));
  }

  @Test
  void qrPrintedAsRasterDecodesToTheSameText() {
    String data = "KASSA-R:" + SampleReceipts.SALE_ID + " Чек";
    byte[] bytes = new EscPosWriter(PrinterProfile.GENERIC_58).align(Align.CENTER).qrCode(data, 4).toBytes();
    VirtualPrinter printer = VirtualPrinter.preview(PrinterProfile.GENERIC_58, Paper.MM58, bytes);

    assertThat(printer.printed()).singleElement().isInstanceOf(PrintElement.Image.class);
    assertThat(READER.read(printer.image())).hasValueSatisfying(code -> {
      assertThat(code.format()).isEqualTo(BarcodeFormat.QR_CODE);
      assertThat(code.text()).isEqualTo(data);
    });
  }

  @Test
  void printedEan13ReadsBack() {
    byte[] bytes = new EscPosWriter(PrinterProfile.EPSON).align(Align.CENTER).ean13("4601234567893").toBytes();
    BufferedImage image = VirtualPrinter.preview(PrinterProfile.EPSON, Paper.MM80, bytes).image();

    assertThat(READER.read(image)).hasValueSatisfying(code -> {
      assertThat(code.format()).isEqualTo(BarcodeFormat.EAN_13);
      assertThat(code.text()).isEqualTo("4601234567893");
    });
  }

  @Test
  void receiptPngCarriesAReadableReceiptQr(@TempDir Path dir) throws IOException {
    byte[] bytes = new ReceiptLayout(Paper.MM58, PrinterProfile.EPSON, CodePage.CP866).receipt(SampleReceipts.receipt());
    VirtualPrinter printer = VirtualPrinter.preview(PrinterProfile.EPSON, Paper.MM58, bytes);
    Path png = dir.resolve("receipt.png");
    Path text = dir.resolve("receipt.txt");

    printer.writeTo(png, text);

    assertThat(READER.read(png)).hasValueSatisfying(code ->
        assertThat(ScanClassifier.standard().classify(code.text())).isEqualTo(new Scan.ReceiptQr(SampleReceipts.SALE_ID)));
    assertThat(text).content().contains("Продукты у дома", "ИТОГО", "**** " + SampleReceipts.CARD_NUMBER.substring(12));
  }

  /**
   * The rendering of the full sample receipt against the stored PNG. Glyph rasterisation may move
   * a few dots between font versions, so up to 1% of dots may differ; layout changes move far more.
   */
  @Test
  void fullReceiptRendersLikeTheStoredPng() throws IOException {
    byte[] bytes = new ReceiptLayout(Paper.MM58, PrinterProfile.EPSON, CodePage.CP866).receipt(SampleReceipts.receipt());
    BufferedImage actual = VirtualPrinter.preview(PrinterProfile.EPSON, Paper.MM58, bytes).image();
    if (Boolean.getBoolean("kassa.golden.update")) {
      ImageIO.write(actual, "png", Path.of("src/test/resources/receipts/receipt-58-32-epson.png").toFile());
    }
    BufferedImage golden;
    try (InputStream in = getClass().getResourceAsStream("/receipts/receipt-58-32-epson.png")) {
      assertThat(in).as("golden PNG").isNotNull();
      golden = ImageIO.read(in);
    }

    assertThat(actual.getWidth()).isEqualTo(golden.getWidth());
    assertThat(actual.getHeight()).isEqualTo(golden.getHeight());
    long differing = 0;
    for (int y = 0; y < golden.getHeight(); y++) {
      for (int x = 0; x < golden.getWidth(); x++) {
        if ((actual.getRGB(x, y) & 0xFFFFFF) != (golden.getRGB(x, y) & 0xFFFFFF)) {
          differing++;
        }
      }
    }
    assertThat(differing).isLessThanOrEqualTo((long) golden.getWidth() * golden.getHeight() / 100);
  }

  @Test
  void refusesUnknownAndTruncatedCommands() {
    assertThatThrownBy(() -> EscPosDecoder.decode(PrinterProfile.EPSON, new byte[] {0x1B, 'Z'}))
        .isInstanceOf(EscPosFormatException.class).hasMessageContaining("at byte 0: unknown command ESC 0x5a");
    assertThatThrownBy(() -> EscPosDecoder.decode(PrinterProfile.EPSON, new byte[] {0x1D, 'k', 67, 13, '4'}))
        .isInstanceOf(EscPosFormatException.class).hasMessageContaining("stream ends inside");
    assertThatThrownBy(() -> EscPosDecoder.decode(PrinterProfile.GENERIC_58, new byte[] {0x1B, 't', 46}))
        .isInstanceOf(EscPosFormatException.class).hasMessageContaining("no code page of printer profile generic-58");
  }

  @Test
  void blockedPrinterPrintsNothing() throws Exception {
    VirtualPrinter printer = new VirtualPrinter(PrinterProfile.EPSON, Paper.MM58);
    printer.setStatus(new dev.kassa.pos.device.escpos.PrinterStatus(true, false, true, false));

    assertThat(printer.send(new EscPosWriter(PrinterProfile.EPSON).line("x").toBytes()))
        .hasValueSatisfying(status -> assertThat(status.paperOut()).isTrue());
    assertThat(printer.printed()).isEmpty();
  }
}
