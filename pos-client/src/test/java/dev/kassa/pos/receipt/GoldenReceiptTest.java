package dev.kassa.pos.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.pos.device.escpos.CodePage;
import dev.kassa.pos.device.escpos.Paper;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.escpos.RasterImage;
import dev.kassa.pos.device.virtual.VirtualPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample receipt and reports, printed and decoded by the virtual printer, compared to the text
 * files under {@code src/test/resources/receipts}. Run with {@code -Dkassa.golden.update=true} to
 * rewrite them after an intended layout change (and review the diff).
 */
class GoldenReceiptTest {

  @ParameterizedTest(name = "{0} on {1} mm, {2} columns, {3}")
  @CsvSource(textBlock = """
      receipt, 58, 32, epson
      receipt, 80, 48, epson
      receipt, 80, 42, generic-58
      x,       58, 32, epson
      z,       80, 48, epson
      """)
  void printsAsTheGoldenText(String document, int mm, int columns, String profileName) throws IOException {
    PrinterProfile profile = PrinterProfile.named(profileName);
    Paper paper = Paper.of(mm, columns);
    ReceiptLayout layout = new ReceiptLayout(paper, profile, CodePage.CP866);
    byte[] bytes = switch (document) {
      case "receipt" -> layout.receipt(SampleReceipts.receipt());
      case "x" -> layout.shiftReport(SampleReceipts.xReport());
      case "z" -> layout.shiftReport(SampleReceipts.zReport());
      default -> throw new IllegalArgumentException(document);
    };
    String text = VirtualPrinter.preview(profile, paper, bytes).text();

    String name = document + "-" + mm + "-" + columns + "-" + profileName + ".txt";
    assertThat(text).isEqualTo(golden(name, text));
    text.lines().filter(line -> !line.strip().startsWith("["))
        .forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(columns));
  }

  /** The exact bytes of the 58 mm Cyrillic receipt (CP866, native QR), 32 bytes a line in hex. */
  @Test
  void cyrillicReceiptIsTheGoldenBytes() throws IOException {
    byte[] bytes = new ReceiptLayout(Paper.MM58, PrinterProfile.EPSON, CodePage.CP866).receipt(SampleReceipts.receipt());
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < bytes.length; i += 32) {
      hex.append(HexFormat.of().formatHex(bytes, i, Math.min(bytes.length, i + 32))).append('\n');
    }
    assertThat(hex.toString()).isEqualTo(golden("receipt-58-32-epson.hex", hex.toString()));
  }

  @Test
  void cp1251PrinterShowsTheSameReceiptAsCp866() {
    var cp866 = new ReceiptLayout(Paper.MM80, PrinterProfile.EPSON, CodePage.CP866).receipt(SampleReceipts.receipt());
    var cp1251 = new ReceiptLayout(Paper.MM80, PrinterProfile.EPSON, CodePage.CP1251).receipt(SampleReceipts.receipt());

    assertThat(cp1251).isNotEqualTo(cp866);
    assertThat(VirtualPrinter.preview(PrinterProfile.EPSON, Paper.MM80, cp1251).text())
        .isEqualTo(VirtualPrinter.preview(PrinterProfile.EPSON, Paper.MM80, cp866).text());
  }

  @Test
  void aLogoWiderThanThePaperIsRefused() {
    var store = SampleReceipts.store();
    var wide = new StoreHeader(store.name(), store.lines(), store.zone(),
        Optional.of(new RasterImage(400, 1, new byte[50])));
    var receipt = SampleReceipts.receipt();
    var withWideLogo = new Receipt(wide, receipt.sale(), receipt.cashierName(), receipt.loyalty(), receipt.footer());

    assertThatThrownBy(() -> new ReceiptLayout(Paper.MM58, PrinterProfile.EPSON, CodePage.CP866).receipt(withWideLogo))
        .hasMessageContaining("does not fit 58 mm paper (384 dots)");
  }

  static String golden(String name, String actual) throws IOException {
    if (Boolean.getBoolean("kassa.golden.update")) {
      Path file = Path.of("src/test/resources/receipts", name);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return actual;
    }
    try (InputStream in = GoldenReceiptTest.class.getResourceAsStream("/receipts/" + name)) {
      assertThat(in).as("golden file receipts/" + name + " (create with -Dkassa.golden.update=true)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
