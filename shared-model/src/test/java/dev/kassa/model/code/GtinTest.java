package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtinTest {

  @ParameterizedTest(name = "{0} is a valid {1}")
  @CsvSource(textBlock = """
      # code,          format   (published examples: a Stabilo pen, GS1's own, an ISBN, UPC-A packs)
      4006381333931,   EAN_13
      5901234123457,   EAN_13
      9780306406157,   EAN_13
      5012345678900,   EAN_13
      036000291452,    UPC_A
      036000241457,    UPC_A
      96385074,        EAN_8
      73513537,        EAN_8
      """)
  void acceptsRealCodesAndTellsTheFormatByLength(String code, GtinFormat format) {
    Gtin gtin = Gtin.parse(code).orElseThrow();

    assertThat(gtin.format()).isEqualTo(format);
    assertThat(gtin.digits()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ''               | EMPTY           | barcode is empty
      40063813339      | WRONG_LENGTH    | barcode: wrong length 11, expected 8, 12 or 13 digits
      40063813339312   | WRONG_LENGTH    | barcode: wrong length 14, expected 8, 12 or 13 digits
      40063x1333931    | NON_DIGIT       | barcode: non-digit 'x' at position 6
      '4006381333931 ' | NON_DIGIT       | barcode: non-digit U+0020 at position 14
      4006381333932    | BAD_CHECK_DIGIT | EAN-13: bad check digit 2, expected 1
      036000291453     | BAD_CHECK_DIGIT | UPC-A: bad check digit 3, expected 2
      96385075         | BAD_CHECK_DIGIT | EAN-8: bad check digit 5, expected 4
      """)
  void saysWhatIsWrong(String code, InvalidReason reason, String message) {
    assertThat(Gtin.parse(code)).isEqualTo(CodeResult.invalid(reason, message));
  }

  @Test
  void nullIsEmptyNotAnException() {
    assertThat(Gtin.parse(null).reasonOrNull()).isEqualTo(InvalidReason.EMPTY);
  }

  @Test
  void aFormatGivenExplicitlyMustMatchTheLength() {
    assertThat(Gtin.parse("036000291452", GtinFormat.EAN_13))
        .isEqualTo(CodeResult.invalid(InvalidReason.WRONG_LENGTH, "EAN-13: wrong length 12, expected 13 digits"));
  }

  @Test
  void completesABodyWithItsCheckDigit() {
    assertThat(Gtin.complete("400638133393", GtinFormat.EAN_13).orElseThrow().digits()).isEqualTo("4006381333931");
    assertThat(Gtin.complete("9638507", GtinFormat.EAN_8).orElseThrow().digits()).isEqualTo("96385074");
    assertThat(Gtin.complete("03600029145", GtinFormat.UPC_A).orElseThrow().digits()).isEqualTo("036000291452");
    assertThat(Gtin.complete("4006381333", GtinFormat.EAN_13).reasonOrNull()).isEqualTo(InvalidReason.WRONG_LENGTH);
    assertThat(Gtin.complete("40063813339a", GtinFormat.EAN_13).reasonOrNull()).isEqualTo(InvalidReason.NON_DIGIT);
  }

  @Test
  void upcAIsEan13WithALeadingZero() {
    Gtin upc = Gtin.parse("036000291452").orElseThrow();

    assertThat(upc.asEan13()).isEqualTo("0036000291452");
    assertThat(Gtin.parse(upc.asEan13()).orElseThrow().format()).isEqualTo(GtinFormat.EAN_13);
  }

  @Test
  void prefixesTwentyToTwentyNineAreInStoreCodes() {
    assertThat(Gtin.complete("200012301234", GtinFormat.EAN_13).orElseThrow().isInStore()).isTrue();
    assertThat(Gtin.parse("4006381333931").orElseThrow().isInStore()).isFalse();
  }

  @Test
  void theConstructorRefusesAnInvalidCode() {
    assertThatThrownBy(() -> new Gtin(GtinFormat.EAN_13, "4006381333932"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EAN-13: bad check digit 2, expected 1");
  }
}
