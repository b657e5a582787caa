package dev.kassa.pos.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EscPosWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  private static EscPosWriter epson() {
    return new EscPosWriter(PrinterProfile.EPSON);
  }

  @Test
  void cyrillicReceiptHeadIsExactBytes() {
    byte[] bytes = epson().init().codePage(CodePage.CP866).align(Align.CENTER).bold(true).size(2, 2)
        .line("Чек №1").normalSize().bold(false).align(Align.LEFT).line("Хлеб 1 шт").toBytes();

    assertThat(HEX.formatHex(bytes)).isEqualTo(
        "1b40" + "1b7411" + "1b6101" + "1b4501" + "1d2111"
            + "97A5AA20FC31".toLowerCase() + "0a"
            + "1d2100" + "1b4500" + "1b6100"
            + "95ABA5A1203120E8E2".toLowerCase() + "0a");
  }

  @Test
  void cp1251UsesTheProfilesNumberAndTable() {
    byte[] bytes = epson().codePage(CodePage.CP1251).text("Ёж").toBytes();
    assertThat(HEX.formatHex(bytes)).isEqualTo("1b742e" + "a8e6");
  }

  @Test
  void unmappableCharactersPrintAsQuestionMarks() {
    byte[] bytes = epson().codePage(CodePage.CP866).text("a€b").toBytes();
    assertThat(HEX.formatHex(bytes)).isEqualTo("1b7411" + "613f62");
  }

  @Test
  void typographicQuotesAndDashesPrintAsPlainOnes() {
    byte[] bytes = epson().codePage(CodePage.CP866).text("«Я» — №").toBytes();
    assertThat(HEX.formatHex(bytes)).isEqualTo("1b7411" + "229f22202d20fc");
  }

  @Test
  void nativeQrCountsUtf8BytesAndSendsModelTwo() {
    String data = "Кассa";
    int bytes = data.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isEqualTo(9);

    byte[] qr = epson().qr(data, 4).toBytes();

    assertThat(HEX.formatHex(qr)).isEqualTo(
        "1d286b0400314132" + "00"
            + "1d286b0300314304"
            + "1d286b0300314531"
            + "1d286b" + "0c00" + "315030" + HEX.formatHex(data.getBytes(StandardCharsets.UTF_8))
            + "1d286b0300315130");
  }

  @Test
  void longQrDataSplitsItsLengthIntoLowAndHighBytes() {
    String data = "Я".repeat(200);
    byte[] qr = epson().qr(data, 3).toBytes();
    int length = 400 + 3;
    String store = "1d286b" + String.format("%02x%02x", length & 0xFF, length >> 8) + "315030";
    assertThat(HEX.formatHex(qr)).contains(store);
  }

  @Test
  void ean13AndCode128AreFunctionBBarcodes() {
    assertThat(HEX.formatHex(epson().ean13("4601234567893").toBytes())).isEqualTo(
        "1d6850" + "1d7702" + "1d4802" + "1d6b430d" + HEX.formatHex("4601234567893".getBytes(StandardCharsets.US_ASCII)));
    assertThat(HEX.formatHex(epson().code128("KASSA-7").toBytes())).isEqualTo(
        "1d6850" + "1d7702" + "1d4802" + "1d6b4909" + "7b42" + HEX.formatHex("KASSA-7".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void feedCutAndDrawerPulse() {
    assertThat(HEX.formatHex(epson().feed(3).cut(0).drawerPulse().toBytes()))
        .isEqualTo("1b6403" + "1d564200" + "1b700019fa");
  }

  @Test
  void rasterHeaderCarriesBytesPerRowAndRows() {
    RasterImage image = new RasterImage(9, 2, new byte[] {(byte) 0x80, 0, 0, (byte) 0x80});
    assertThat(HEX.formatHex(epson().raster(image).toBytes()))
        .isEqualTo("1d7630000200" + "0200" + "80000080");
  }

  @Test
  void printerWithoutNativeQrGetsARaster() {
    byte[] bytes = new EscPosWriter(PrinterProfile.GENERIC_58).qrCode("KASSA-R:1", 4).toBytes();
    assertThat(HEX.formatHex(bytes)).startsWith("1d763000");
  }

  @Test
  void refusesWhatThePrinterWouldMisprint() {
    assertThatThrownBy(() -> epson().ean13("46012345")).hasMessageContaining("12 or 13 digits");
    assertThatThrownBy(() -> epson().code128("Хлеб")).hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> epson().qr("", 3)).hasMessageContaining("1..7089 bytes");
    assertThatThrownBy(() -> new EscPosWriter(PrinterProfile.GENERIC_58).codePage(CodePage.CP1251))
        .hasMessageContaining("has no code page CP1251");
    assertThatThrownBy(() -> epson().size(9, 1)).hasMessageContaining("1..8");
  }
}
