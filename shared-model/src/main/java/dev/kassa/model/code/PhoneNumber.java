package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * A phone number normalised to E.164 ({@code +79123456789}), the form members are looked up and
 * merged by: a cashier may type {@code 8 (912) 345-67-89}, {@code +7 912 345 67 89} or
 * {@code 9123456789} and all must find the same member.
 *
 * <p>Only the +7 numbering plan (Russia and Kazakhstan) is checked in depth; a number written
 * with another {@code +} country code is accepted when its length is plausible for E.164.
 */
public record PhoneNumber(String e164) {

  /** Countries whose national numbers {@link #parse} understands without a {@code +}. */
  private static final Set<String> PLAN_7_COUNTRIES = Set.of("RU", "KZ");
  /** First digits of a 10-digit national number in the +7 plan (3xx-4xx-8xx-9xx RU, 6xx-7xx KZ). */
  private static final String PLAN_7_FIRST_DIGITS = "346789";

  public PhoneNumber {
    requireNonNull(e164, "e164 == null");
    if (!e164.matches("\\+[1-9][0-9]{7,14}")) {
      throw new IllegalArgumentException("not an E.164 number: " + e164);
    }
  }

  /**
   * Normalises what a cashier typed. {@code defaultCountry} (ISO 3166 alpha-2, "RU") says how to
   * read a number written without a country code.
   */
  public static CodeResult<PhoneNumber> parse(String input, String defaultCountry) {
    requireNonNull(defaultCountry, "defaultCountry == null");
    if (input == null || input.isBlank()) {
      return CodeResult.invalid(InvalidReason.EMPTY, "phone number is empty");
    }
    String text = input.strip();
    StringBuilder digits = new StringBuilder();
    boolean international = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        international = true;
      } else if (!isSeparator(c)) {
        return CodeResult.invalid(InvalidReason.NON_DIGIT,
            "phone number: unexpected " + Digits.printable(c) + " at position " + (i + 1));
      }
    }
    if (digits.length() == 0) {
      return CodeResult.invalid(InvalidReason.EMPTY, "phone number has no digits");
    }
    return international ? international(digits.toString()) : national(digits.toString(), defaultCountry);
  }

  private static CodeResult<PhoneNumber> international(String digits) {
    if (digits.charAt(0) == '7') {
      if (digits.length() != 11) {
        return Digits.wrongLength("phone number +7", digits.length(), "11");
      }
      return plan7(digits.substring(1));
    }
    if (digits.charAt(0) == '0') {
      return CodeResult.invalid(InvalidReason.NOT_A_PHONE_NUMBER, "phone number: no country code starts with 0");
    }
    if (digits.length() < 8 || digits.length() > 15) {
      return Digits.wrongLength("phone number", digits.length(), "8 to 15");
    }
    return CodeResult.ok(new PhoneNumber("+" + digits));
  }

  private static CodeResult<PhoneNumber> national(String digits, String country) {
    if (!PLAN_7_COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
      return CodeResult.invalid(InvalidReason.UNSUPPORTED_COUNTRY,
          "phone number without a country code, and no rules for country " + country);
    }
    if (digits.length() == 10) {
      return plan7(digits);
    }
    // 8 is the domestic trunk prefix; 7 is the country code typed without its +
    if (digits.length() == 11 && (digits.charAt(0) == '8' || digits.charAt(0) == '7')) {
      return plan7(digits.substring(1));
    }
    return Digits.wrongLength("phone number", digits.length(), "10 or 11");
  }

  private static CodeResult<PhoneNumber> plan7(String national) {
    if (PLAN_7_FIRST_DIGITS.indexOf(national.charAt(0)) < 0) {
      return CodeResult.invalid(InvalidReason.NOT_A_PHONE_NUMBER,
          "phone number: no +7 number starts with " + national.charAt(0) + " after the country code");
    }
    return CodeResult.ok(new PhoneNumber("+7" + national));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\u00A0';
  }

  @Override
  public String toString() {
    return e164;
  }
}
