package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoyaltyCardFormatTest {

  private final LoyaltyCardFormat format = LoyaltyCardFormat.standard();

  @Test
  void generatesPrefixPaddedSerialAndLuhnDigit() {
    String card = format.generate(1).orElseThrow();

    assertThat(card).isEqualTo("770000000000001" + Luhn.checkDigit("770000000000001")).hasSize(16);
    assertThat(format.validate(card)).isEqualTo(CodeResult.ok(card));
  }

  @Test
  void luhnMatchesTheWellKnownTestCardNumber() {
    assertThat(Luhn.isValid("4111111111111111")).isTrue();
    assertThat(Luhn.isValid("79927398713")).isTrue();
    assertThat(Luhn.isValid("79927398710")).isFalse();
    assertThat(Luhn.isValid("7992739871x")).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                 | EMPTY           | card number is empty
      77000000000000     | WRONG_LENGTH    | card number: wrong length 14, expected 16 digits
      7700-0000-0000-00  | NON_DIGIT       | card number: non-digit '-' at position 5
      4111111111111111   | WRONG_PREFIX    | card number does not start with 7700
      7700000000000010   | BAD_CHECK_DIGIT | card number: bad check digit 0, expected 6
      """)
  void saysWhatIsWrong(String number, InvalidReason reason, String message) {
    assertThat(format.validate(number)).isEqualTo(CodeResult.invalid(reason, message));
  }

  @Test
  void aSerialThatDoesNotFitIsATypedError() {
    assertThat(format.generate(99_999_999_999L).isOk()).isTrue();
    assertThat(format.generate(100_000_000_000L))
        .isEqualTo(CodeResult.invalid(InvalidReason.OUT_OF_RANGE, "serial 100000000000 does not fit 11 digits"));
    assertThat(format.generate(-1).reasonOrNull()).isEqualTo(InvalidReason.OUT_OF_RANGE);
  }

  @Test
  void theFormatItselfMustLeaveRoomForASerial() {
    assertThatThrownBy(() -> new LoyaltyCardFormat("7700", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoyaltyCardFormat("77a", 16)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoyaltyCardFormat("7", 20)).isInstanceOf(IllegalArgumentException.class);
  }
}
