package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanClassifierTest {

  private final ScanClassifier classifier = ScanClassifier.standard();
  private final String card = LoyaltyCardFormat.standard().generate(42).orElseThrow();

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource(delimiter = '|', textBlock = """
      4006381333931                                  | ProductBarcode
      036000291452                                   | ProductBarcode
      96385074                                       | ProductBarcode
      2200015012502                                  | WeighedItem
      2700420129906                                  | WeighedItem
      KASSA-R:0190c0de-7a3b-7c4d-8e5f-001122334455   | ReceiptQr
      8 (912) 345-67-89                              | Phone
      +7 912 345 67 89                               | Phone
      9123456789                                     | Phone
      89123456789                                    | Phone
      """)
  void tellsTheKindOfScan(String input, String kind) {
    assertThat(classifier.classify(input).getClass().getSimpleName()).isEqualTo(kind);
  }

  @Test
  void decodesWhatItRecognises() {
    assertThat(classifier.classify("4006381333931\r\n"))
        .isEqualTo(new Scan.ProductBarcode(Gtin.parse("4006381333931").orElseThrow()));
    assertThat(classifier.classify("2200015012502"))
        .isEqualTo(new Scan.WeighedItem(VariableMeasureLayout.russia().decode("2200015012502").orElseThrow()));
    assertThat(classifier.classify("KASSA-R:0190c0de-7a3b-7c4d-8e5f-001122334455"))
        .isEqualTo(new Scan.ReceiptQr(UUID.fromString("0190c0de-7a3b-7c4d-8e5f-001122334455")));
    assertThat(classifier.classify("8 (912) 345-67-89"))
        .isEqualTo(new Scan.Phone(new PhoneNumber("+79123456789")));
  }

  /** A keyboard-wedge scanner types key codes: Caps Lock inverts case, the Russian layout swaps letters. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      kassa-r:0190C0DE-7A3B-7C4D-8E5F-001122334455
      ЛФЫЫФ-КЖ0190с0ву-7ф3и-7с4в-8у5а-001122334455
      лфыыф-кЖ0190С0ВУ-7Ф3И-7С4В-8У5А-001122334455
      """)
  void readsAReceiptQrWhateverTheKeyboardStateWas(String scanned) {
    assertThat(classifier.classify(scanned))
        .isEqualTo(new Scan.ReceiptQr(UUID.fromString("0190c0de-7a3b-7c4d-8e5f-001122334455")));
  }

  @Test
  void readsALoyaltyCardFromBarcodeOrMagneticStripe() {
    Scan.LoyaltyCard expected = new Scan.LoyaltyCard(card);

    assertThat(classifier.classify(card)).isEqualTo(expected);
    assertThat(classifier.classify(";" + card + "=2812?")).isEqualTo(expected);
    assertThat(classifier.classify("%B" + card + "^SMIRNOVA/ANNA^2812?")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      '   '                                 | EMPTY               | nothing was scanned
      4006381333932                         | BAD_CHECK_DIGIT     | EAN-13: bad check digit 2, expected 1
      7700000000000010                      | BAD_CHECK_DIGIT     | card number: bad check digit 0, expected 6
      1234567890123456                      | WRONG_PREFIX        | card number does not start with 7700
      12345                                 | WRONG_LENGTH        | 5 digits: not a barcode (8, 12 or 13), a card (16) or a phone number (10 or 11)
      0123456789                            | NOT_A_PHONE_NUMBER  | phone number: no +7 number starts with 0 after the country code
      KASSA-R:not-a-uuid                    | BAD_RECEIPT_ID      | receipt QR without a valid id: not-a-uuid
      KASSA-R:1-2-3-4-5                     | BAD_RECEIPT_ID      | receipt QR without a valid id: 1-2-3-4-5
      ;77000=2812?                          | WRONG_LENGTH        | card number: wrong length 5, expected 16 digits
      <script>alert(1)</script>             | UNRECOGNISED        | not a barcode, card, receipt or phone number: <script>alert(1)</script>
      Молоко                                | UNRECOGNISED        | not a barcode, card, receipt or phone number: Молоко
      ' OR 1=1; DROP TABLE cards; -- xxxxxxxxxxxxxxxx' | UNRECOGNISED | not a barcode, card, receipt or phone number: OR 1=1; DROP TABLE cards; -- xxxxxxxx...
      """)
  void saysWhyItDoesNotRecogniseAScan(String input, InvalidReason reason, String message) {
    assertThat(classifier.classify(input)).isEqualTo(new Scan.Unknown(reason, message));
  }

  @Test
  void aWeighedLabelWithABadVerifierDigitIsUnknownNotAProduct() {
    ScanClassifier withVerifier = new ScanClassifier(
        new VariableMeasureLayout(java.util.List.of(
            new VariableMeasureLayout.Rule(20, 29, 5, 4, MeasureKind.PRICE_MINOR, true))),
        LoyaltyCardFormat.standard(), "RU");
    String misprinted = Gtin.complete("230004232875", GtinFormat.EAN_13).orElseThrow().digits();

    assertThat(withVerifier.classify(misprinted))
        .extracting(scan -> ((Scan.Unknown) scan).reason()).isEqualTo(InvalidReason.BAD_INNER_CHECK_DIGIT);
  }

  @Test
  void hostileInputGetsAShortSingleLineMessage() {
    Scan.Unknown huge = (Scan.Unknown) classifier.classify("x".repeat(10_000_000));
    Scan.Unknown forged = (Scan.Unknown) classifier.classify("abc\n2026-11-30 INFO login ok\u001b[31m");
    Scan.Unknown digits = (Scan.Unknown) classifier.classify("7".repeat(1_000_000));

    assertThat(huge.message()).hasSizeLessThan(100);
    assertThat(forged.message()).doesNotContain("\n", "\u001b");
    assertThat(digits.reason()).isEqualTo(InvalidReason.WRONG_LENGTH);
    assertThat(digits.message()).hasSizeLessThan(100);
  }

  @Test
  void nullIsAnEmptyScan() {
    assertThat(classifier.classify(null)).isEqualTo(new Scan.Unknown(InvalidReason.EMPTY, "nothing was scanned"));
  }
}
