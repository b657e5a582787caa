package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

/**
 * The retailer's loyalty card numbers: a fixed issuer prefix, a serial, and a Luhn check digit, all
 * digits, of a fixed length. The prefix tells a card apart from a product barcode at the scanner;
 * the check digit catches a mistyped number before it reaches the server.
 */
public record LoyaltyCardFormat(String prefix, int length) {

  public LoyaltyCardFormat {
    requireNonNull(prefix, "prefix == null");
    if (prefix.isEmpty() || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("prefix must be digits: " + prefix);
    }
    if (length > 19 || length < prefix.length() + 2) {
      throw new IllegalArgumentException("length " + length + " leaves no room for a serial after prefix "
          + prefix + " (at most 19 digits)");
    }
  }

  /**
   * Kassa's default: 16 digits starting 7700. Sixteen digits is a length no product barcode has,
   * so a scanned card is never mistaken for an EAN-13.
   */
  public static LoyaltyCardFormat standard() {
    return new LoyaltyCardFormat("7700", 16);
  }

  /** Digits available for the serial between the prefix and the check digit. */
  public int serialDigits() {
    return length - prefix.length() - 1;
  }

  /** True when {@code number} looks like one of these cards (right length and prefix), valid or not. */
  public boolean claims(String number) {
    return number != null && number.length() == length && number.startsWith(prefix);
  }

  public CodeResult<String> validate(String number) {
    CodeResult<String> notDigits = Digits.requireDigits(number, "card number");
    if (notDigits != null) {
      return notDigits;
    }
    if (number.length() != length) {
      return Digits.wrongLength("card number", number.length(), String.valueOf(length));
    }
    if (!number.startsWith(prefix)) {
      return CodeResult.invalid(InvalidReason.WRONG_PREFIX, "card number does not start with " + prefix);
    }
    int expected = Luhn.checkDigit(number.substring(0, length - 1));
    char actual = number.charAt(length - 1);
    return actual - '0' == expected ? CodeResult.ok(number) : Digits.badCheckDigit("card number", expected, actual);
  }

  /** The card number for {@code serial}: prefix, zero-padded serial, check digit. */
  public CodeResult<String> generate(long serial) {
    String digits = Long.toString(serial);
    if (serial < 0 || digits.length() > serialDigits()) {
      return CodeResult.invalid(InvalidReason.OUT_OF_RANGE,
          "serial " + serial + " does not fit " + serialDigits() + " digits");
    }
    String body = prefix + "0".repeat(serialDigits() - digits.length()) + digits;
    return CodeResult.ok(body + Luhn.checkDigit(body));
  }
}
