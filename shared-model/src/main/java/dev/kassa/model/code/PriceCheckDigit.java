package dev.kassa.model.code;

/**
 * The GS1 price/weight verifier digit (General Specifications 7.9.3), which some countries put in
 * front of the value field of a variable-measure barcode. The overall EAN check digit already
 * guards the code; this one guards the value against a misread that keeps the total valid.
 */
final class PriceCheckDigit {
  private PriceCheckDigit() {}

  /** The verifier digit for a 4- or 5-digit value field. */
  static int of(String value) {
    if (value.length() == 4) {
      int sum = twoMinus(Digits.at(value, 0)) + twoMinus(Digits.at(value, 1))
          + three(Digits.at(value, 2)) + fiveMinus(Digits.at(value, 3));
      return sum * 3 % 10;
    }
    if (value.length() == 5) {
      int sum = fivePlus(Digits.at(value, 0)) + twoMinus(Digits.at(value, 1))
          + fiveMinus(Digits.at(value, 2)) + fivePlus(Digits.at(value, 3)) + twoMinus(Digits.at(value, 4));
      int target = (10 - sum % 10) % 10;
      // the verifier is the digit whose "5-" weighted product equals the target
      for (int digit = 0; digit <= 9; digit++) {
        if (fiveMinus(digit) == target) {
          return digit;
        }
      }
    }
    throw new IllegalArgumentException("verifier digit needs a 4- or 5-digit value: " + value.length());
  }

  /** "2-": double, then the units digit minus the tens digit. */
  private static int twoMinus(int digit) {
    int product = digit * 2;
    return Math.floorMod(product % 10 - product / 10, 10);
  }

  private static int three(int digit) {
    return digit * 3 % 10;
  }

  /** "5+": times five, then the units digit plus the tens digit. */
  private static int fivePlus(int digit) {
    int product = digit * 5;
    return (product % 10 + product / 10) % 10;
  }

  /** "5-": times five, then the units digit minus the tens digit. */
  private static int fiveMinus(int digit) {
    int product = digit * 5;
    return Math.floorMod(product % 10 - product / 10, 10);
  }
}
