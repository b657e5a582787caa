package dev.kassa.model.code;

/**
 * Undoes the Russian keyboard layout. A keyboard-wedge scanner sends key codes, not characters, so
 * while the cashier's layout is Russian (ЙЦУКЕН) a scanned {@code KASSA-R:0190c0de-...} arrives as
 * {@code ЛФЫЫФ-КЖ0190с0ву-...}. Digits, '-', '+' and brackets sit on the same keys in both layouts;
 * only letters and the colon need mapping back.
 */
final class RussianKeyboard {
  private RussianKeyboard() {}

  /** Russian letters in the order of the Latin keys "qwertyuiop[]asdfghjkl;'zxcvbnm,." they share. */
  private static final String RUSSIAN = "йцукенгшщзхъфывапролджэячсмитьбю";
  private static final String LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";

  static boolean hasCyrillic(String text) {
    return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
  }

  /** The characters the same keys give in the US layout; Shift (upper case) maps to upper case. */
  static String toLatin(String text) {
    StringBuilder latin = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int index = RUSSIAN.indexOf(Character.toLowerCase(c));
      if (index < 0) {
        latin.append(c);
      } else if (Character.isUpperCase(c)) {
        latin.append(shifted(LATIN.charAt(index)));
      } else {
        latin.append(LATIN.charAt(index));
      }
    }
    return latin.toString();
  }

  private static char shifted(char key) {
    return switch (key) {
      case ';' -> ':';
      case '\'' -> '"';
      case '[' -> '{';
      case ']' -> '}';
      case ',' -> '<';
      case '.' -> '>';
      default -> Character.toUpperCase(key);
    };
  }
}
