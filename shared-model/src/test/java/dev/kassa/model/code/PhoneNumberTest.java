package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      8 (912) 345-67-89    | +79123456789
      +7 912 345 67 89     | +79123456789
      9123456789           | +79123456789
      79123456789          | +79123456789
      '  8-912-345-67-89 ' | +79123456789
      8 (495) 123-45-67    | +74951234567
      8 800 555-35-35      | +78005553535
      +7 701 123 45 67     | +77011234567
      +44 20 7946 0958     | +442079460958
      """)
  void normalisesWhatACashierTypes(String input, String e164) {
    assertThat(PhoneNumber.parse(input, "RU")).isEqualTo(CodeResult.ok(new PhoneNumber(e164)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                 | RU | EMPTY               | phone number is empty
      '( ) -'            | RU | EMPTY               | phone number has no digits
      8 912 345 67 899   | RU | WRONG_LENGTH        | phone number: wrong length 12, expected 10 or 11 digits
      912345678          | RU | WRONG_LENGTH        | phone number: wrong length 9, expected 10 or 11 digits
      +7 912 345 67 899  | RU | WRONG_LENGTH        | phone number +7: wrong length 12, expected 11 digits
      8 912 345 67 8x    | RU | NON_DIGIT           | phone number: unexpected 'x' at position 15
      8 912 +345 67 89   | RU | NON_DIGIT           | phone number: unexpected '+' at position 7
      0123456789         | RU | NOT_A_PHONE_NUMBER  | phone number: no +7 number starts with 0 after the country code
      +7 112 345 67 89   | RU | NOT_A_PHONE_NUMBER  | phone number: no +7 number starts with 1 after the country code
      +0 123 456 789     | RU | NOT_A_PHONE_NUMBER  | phone number: no country code starts with 0
      +123 45            | RU | WRONG_LENGTH        | phone number: wrong length 5, expected 8 to 15 digits
      9123456789         | DE | UNSUPPORTED_COUNTRY | phone number without a country code, and no rules for country DE
      """)
  void saysWhatIsWrong(String input, String country, InvalidReason reason, String message) {
    assertThat(PhoneNumber.parse(input, country)).isEqualTo(CodeResult.invalid(reason, message));
  }

  @Property
  void theThreeRussianFormsOfOneNumberNormaliseAlike(@ForAll @IntRange(max = 999_999_999) int tail) {
    String national = "9" + String.format("%09d", tail);
    String spaced = national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6, 8)
        + "-" + national.substring(8);
    PhoneNumber expected = new PhoneNumber("+7" + national);

    assertThat(PhoneNumber.parse("8 (" + spaced, "RU").orElseThrow()).isEqualTo(expected);
    assertThat(PhoneNumber.parse("+7 " + national, "RU").orElseThrow()).isEqualTo(expected);
    assertThat(PhoneNumber.parse(national, "RU").orElseThrow()).isEqualTo(expected);
  }
}
