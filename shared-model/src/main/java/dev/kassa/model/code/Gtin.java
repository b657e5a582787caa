package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

/**
 * A validated product barcode (EAN-13, EAN-8 or UPC-A): digits including a correct check digit.
 *
 * <p>The GS1 check digit weights the digits 3, 1, 3, ... from the right (check digit excluded) and
 * makes the total a multiple of ten. It catches every single-digit error and every swap of two
 * adjacent digits except those that differ by 5 (3a + b and a + 3b then agree modulo 10).
 */
public record Gtin(GtinFormat format, String digits) {

  public Gtin {
    requireNonNull(format, "format == null");
    requireNonNull(digits, "digits == null");
    CodeResult<Gtin> checked = check(digits, format);
    if (checked != null) {
      throw new IllegalArgumentException(((CodeResult.Invalid<Gtin>) checked).message());
    }
  }

  /** Reads a code of 8, 12 or 13 digits as EAN-8, UPC-A or EAN-13. */
  public static CodeResult<Gtin> parse(String code) {
    CodeResult<Gtin> notDigits = Digits.requireDigits(code, "barcode");
    if (notDigits != null) {
      return notDigits;
    }
    GtinFormat format = GtinFormat.ofLength(code.length());
    if (format == null) {
      return Digits.wrongLength("barcode", code.length(), "8, 12 or 13");
    }
    return parse(code, format);
  }

  /** Reads a code that must be of the given format. */
  public static CodeResult<Gtin> parse(String code, GtinFormat format) {
    requireNonNull(format, "format == null");
    CodeResult<Gtin> failure = check(code, format);
    return failure != null ? failure : CodeResult.ok(new Gtin(format, code));
  }

  /** Appends the check digit to {@code body} (the code without its last digit). */
  public static CodeResult<Gtin> complete(String body, GtinFormat format) {
    requireNonNull(format, "format == null");
    String what = format.label() + " body";
    CodeResult<Gtin> notDigits = Digits.requireDigits(body, what);
    if (notDigits != null) {
      return notDigits;
    }
    if (body.length() != format.length() - 1) {
      return Digits.wrongLength(what, body.length(), String.valueOf(format.length() - 1));
    }
    return CodeResult.ok(new Gtin(format, body + checkDigit(body)));
  }

  /** The GS1 mod-10 check digit of {@code body}, which must be all digits. */
  public static int checkDigit(CharSequence body) {
    int sum = 0;
    int weight = 3;
    for (int i = body.length() - 1; i >= 0; i--) {
      int digit = body.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("non-digit at position " + (i + 1));
      }
      sum += digit * weight;
      weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
  }

  /** The code as 13 digits: UPC-A is EAN-13 with a leading zero, EAN-8 stays a different number. */
  public String asEan13() {
    return format == GtinFormat.UPC_A ? "0" + digits : digits;
  }

  /** GS1 prefixes 20-29 are for in-store use, e.g. variable-measure (weighed) items. */
  public boolean isInStore() {
    return format != GtinFormat.EAN_8 && asEan13().charAt(0) == '2';
  }

  @Override
  public String toString() {
    return digits;
  }

  private static CodeResult<Gtin> check(String code, GtinFormat format) {
    String what = format.label();
    CodeResult<Gtin> notDigits = Digits.requireDigits(code, what);
    if (notDigits != null) {
      return notDigits;
    }
    if (code.length() != format.length()) {
      return Digits.wrongLength(what, code.length(), String.valueOf(format.length()));
    }
    int expected = checkDigit(code.subSequence(0, code.length() - 1));
    char actual = code.charAt(code.length() - 1);
    return actual - '0' == expected ? null : Digits.badCheckDigit(what, expected, actual);
  }
}
