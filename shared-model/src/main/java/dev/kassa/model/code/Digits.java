package dev.kassa.model.code;

import java.util.Locale;

/** Checks shared by every all-digit code; positions in messages count from 1, as people do. */
final class Digits {
  private Digits() {}

  /** Empty or non-digit input as a failure, else null. */
  static <T> CodeResult<T> requireDigits(String code, String what) {
    if (code == null || code.isEmpty()) {
      return CodeResult.invalid(InvalidReason.EMPTY, what + " is empty");
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return CodeResult.invalid(InvalidReason.NON_DIGIT,
            what + ": non-digit " + printable(c) + " at position " + (i + 1));
      }
    }
    return null;
  }

  static <T> CodeResult<T> wrongLength(String what, int actual, String expected) {
    return CodeResult.invalid(InvalidReason.WRONG_LENGTH,
        what + ": wrong length " + actual + ", expected " + expected + " digits");
  }

  static <T> CodeResult<T> badCheckDigit(String what, int expected, char actual) {
    return CodeResult.invalid(InvalidReason.BAD_CHECK_DIGIT,
        what + ": bad check digit " + actual + ", expected " + expected);
  }

  static int at(String code, int index) {
    return code.charAt(index) - '0';
  }

  /** A character quoted for a message, control characters as their code so a log stays readable. */
  static String printable(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c)
        ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
  }

  /**
   * User input made safe for a message: shortened, so a hostile 10 MB scan does not become a 10 MB
   * log line, and control characters replaced, so it cannot forge log lines or terminal colours.
   */
  static String abbreviate(String input) {
    String shortened = input.length() <= 40 ? input : input.substring(0, 37) + "...";
    StringBuilder safe = new StringBuilder(shortened.length());
    shortened.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return safe.toString();
  }
}
