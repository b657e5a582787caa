package dev.kassa.model.code;

/**
 * The Luhn (mod 10) check digit used on payment and loyalty cards. It catches every single-digit
 * error and every swap of adjacent digits except 09 and 90.
 */
public final class Luhn {
  private Luhn() {}

  /** The check digit to append to {@code body}, which must be all digits. */
  public static int checkDigit(CharSequence body) {
    int sum = 0;
    boolean doubled = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int digit = body.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("non-digit at position " + (i + 1));
      }
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }

  /** True when {@code number} is all digits and its last digit is the Luhn check digit of the rest. */
  public static boolean isValid(CharSequence number) {
    if (number.length() < 2) {
      return false;
    }
    for (int i = 0; i < number.length(); i++) {
      if (number.charAt(i) < '0' || number.charAt(i) > '9') {
        return false;
      }
    }
    int last = number.charAt(number.length() - 1) - '0';
    return checkDigit(number.subSequence(0, number.length() - 1)) == last;
  }
}
