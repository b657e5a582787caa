package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableMeasureLayoutTest {

  private final VariableMeasureLayout russia = VariableMeasureLayout.russia();

  @ParameterizedTest(name = "{0}: item {2}, {3} {4}")
  @CsvSource(textBlock = """
      # barcode,      prefix, item,  kind,         value
      2200015012502,  22,     00015, WEIGHT_GRAMS, 1250
      2000012000003,  20,     00012, WEIGHT_GRAMS, 0
      2700420129906,  27,     0042,  PRICE_MINOR,  12990
      """)
  void decodesRussianScaleLabels(String barcode, int prefix, String item, MeasureKind kind, long value) {
    VariableMeasure measure = russia.decode(barcode).orElseThrow();

    assertThat(measure.prefix()).isEqualTo(prefix);
    assertThat(measure.itemCode()).isEqualTo(item);
    assertThat(measure.kind()).isEqualTo(kind);
    assertThat(measure.value()).isEqualTo(value);
    assertThat(measure.barcode().digits()).isEqualTo(barcode);
  }

  @Test
  void encodesWhatAScaleWouldPrint() {
    assertThat(russia.encode(22, "15", 1250).orElseThrow().digits()).isEqualTo("2200015012502");
    assertThat(russia.encode(27, "42", 12990).orElseThrow().digits()).isEqualTo("2700420129906");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      4601234567893  | WRONG_PREFIX    | barcode 4601234567893 has no variable-measure prefix of this layout
      2200015012503  | BAD_CHECK_DIGIT | EAN-13: bad check digit 3, expected 2
      220001501250   | WRONG_LENGTH    | EAN-13: wrong length 12, expected 13 digits
      22000150125O2  | NON_DIGIT       | EAN-13: non-digit 'O' at position 12
      """)
  void saysWhatIsWrongWithALabel(String barcode, InvalidReason reason, String message) {
    assertThat(russia.decode(barcode)).isEqualTo(CodeResult.invalid(reason, message));
  }

  @Test
  void encodingRefusesWhatDoesNotFit() {
    assertThat(russia.encode(30, "1", 1).reasonOrNull()).isEqualTo(InvalidReason.WRONG_PREFIX);
    assertThat(russia.encode(20, "123456", 1).reasonOrNull()).isEqualTo(InvalidReason.WRONG_LENGTH);
    assertThat(russia.encode(20, "12a", 1).reasonOrNull()).isEqualTo(InvalidReason.NON_DIGIT);
    assertThat(russia.encode(20, "1", 100_000))
        .isEqualTo(CodeResult.invalid(InvalidReason.OUT_OF_RANGE, "value 100000 does not fit 5 digits"));
  }

  /** GS1 General Specifications 7.9.3 examples: price 2875 has verifier 9, price 14685 has 6. */
  @Test
  void computesTheGs1PriceVerifierDigit() {
    VariableMeasureLayout fourDigitPrice = new VariableMeasureLayout(List.of(
        new VariableMeasureLayout.Rule(20, 29, 5, 4, MeasureKind.PRICE_MINOR, true)));
    VariableMeasureLayout fiveDigitPrice = new VariableMeasureLayout(List.of(
        new VariableMeasureLayout.Rule(20, 29, 4, 5, MeasureKind.PRICE_MINOR, true)));

    Gtin four = fourDigitPrice.encode(23, "42", 2875).orElseThrow();
    Gtin five = fiveDigitPrice.encode(23, "42", 14685).orElseThrow();

    assertThat(four.digits()).startsWith("230004292875");
    assertThat(five.digits()).startsWith("230042614685");
    assertThat(fourDigitPrice.decode(four).orElseThrow().value()).isEqualTo(2875);
    assertThat(fiveDigitPrice.decode(five).orElseThrow().value()).isEqualTo(14685);
  }

  @Test
  void aWrongVerifierDigitIsCaughtEvenWhenTheEanCheckDigitIsRight() {
    VariableMeasureLayout layout = new VariableMeasureLayout(List.of(
        new VariableMeasureLayout.Rule(20, 29, 5, 4, MeasureKind.PRICE_MINOR, true)));
    Gtin misprinted = Gtin.complete("230004232875", GtinFormat.EAN_13).orElseThrow();

    assertThat(layout.decode(misprinted)).isEqualTo(CodeResult.invalid(InvalidReason.BAD_INNER_CHECK_DIGIT,
        "variable-measure barcode: bad verifier digit 3 for value 2875, expected 9"));
  }

  @Test
  void aLayoutMustAddUpToThirteenDigitsWithoutOverlaps() {
    assertThatThrownBy(() -> new VariableMeasureLayout.Rule(20, 25, 5, 4, MeasureKind.WEIGHT_GRAMS, false))
        .hasMessage("fields add up to 12 digits, EAN-13 has 13");
    assertThatThrownBy(() -> new VariableMeasureLayout.Rule(19, 25, 5, 5, MeasureKind.WEIGHT_GRAMS, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VariableMeasureLayout.Rule(20, 25, 4, 6, MeasureKind.PRICE_MINOR, true))
        .hasMessage("a verifier digit needs a 4- or 5-digit value, not 6");
    assertThatThrownBy(() -> new VariableMeasureLayout(List.of(
        new VariableMeasureLayout.Rule(20, 25, 5, 5, MeasureKind.WEIGHT_GRAMS, false),
        new VariableMeasureLayout.Rule(25, 29, 5, 5, MeasureKind.PRICE_MINOR, false))))
        .hasMessage("rules overlap on prefixes 20-25 and 25-29");
  }

  @Property
  void encodeThenDecodeGivesBackItemAndValue(
      @ForAll @IntRange(min = 20, max = 29) int prefix,
      @ForAll @IntRange(max = 9999) int item,
      @ForAll @LongRange(max = 99_999) long value) {
    Gtin gtin = russia.encode(prefix, Integer.toString(item), value).orElseThrow();
    VariableMeasure measure = russia.decode(gtin.digits()).orElseThrow();

    assertThat(Integer.parseInt(measure.itemCode())).isEqualTo(item);
    assertThat(measure.value()).isEqualTo(value);
    assertThat(measure.prefix()).isEqualTo(prefix);
  }
}
