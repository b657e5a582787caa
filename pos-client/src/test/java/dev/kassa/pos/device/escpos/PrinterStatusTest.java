package dev.kassa.pos.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrinterStatusTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(textBlock = """
      # printer, cause, paper, described as, blocks
      0x12, 0x12, 0x12, ready,           false
      0x1a, 0x16, 0x12, cover open,      true
      0x1a, 0x32, 0x72, paper out,       true
      0x12, 0x12, 0x1e, paper near end,  false
      0x1a, 0x12, 0x12, printer offline, true
      """)
  void decodesTheThreeStatusBytes(String printer, String cause, String paper, String described, boolean blocks) {
    PrinterStatus status = PrinterStatus.decode(Integer.decode(printer), Integer.decode(cause), Integer.decode(paper));
    assertThat(status.describe()).isEqualTo(described);
    assertThat(status.blocksPrinting()).isEqualTo(blocks);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      false, false, false, false
      true,  true,  false, false
      true,  false, true,  true
      false, false, false, true
      """)
  void encodeAndDecodeAgree(boolean offline, boolean cover, boolean paperOut, boolean nearEnd) {
    PrinterStatus status = new PrinterStatus(offline, cover, paperOut, nearEnd);
    byte[] bytes = status.encode();
    PrinterStatus back = PrinterStatus.decode(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF);
    assertThat(back.coverOpen()).isEqualTo(cover);
    assertThat(back.paperOut()).isEqualTo(paperOut);
    assertThat(back.nearEnd()).isEqualTo(nearEnd);
    assertThat(back.blocksPrinting()).isEqualTo(status.blocksPrinting());
  }

  @ParameterizedTest
  @CsvSource({"0x00", "0xff", "0x13", "0x41"})
  void refusesBytesOutsideTheStatusFrame(String b) {
    assertThatThrownBy(() -> PrinterStatus.decode(Integer.decode(b), 0x12, 0x12))
        .hasMessageContaining("not a DLE EOT printer status byte");
  }
}
