package dev.kassa.pos.device.scanner;

import java.util.HashMap;
import java.util.Map;

/**
 * Undoes the Russian keyboard layout. A keyboard-wedge scanner sends key codes, not characters; when
 * the cashier's layout is ЙЦУКЕН, the key the scanner meant as {@code Q} arrives as {@code Й} and
 * {@code /} as {@code .}. Digits sit on the same keys in both layouts and pass unchanged; shifted
 * digit-row symbols differ ({@code "} is Shift+2, i.e. {@code @}) and are mapped back too.
 */
public final class RussianLayout {
  private static final String RUSSIAN =
      "йцукенгшщзхъфывапролджэячсмитьбю.ё" + "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё" + "\"№;:?";
  private static final String LATIN =
      "qwertyuiop[]asdfghjkl;'zxcvbnm,./`" + "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?~" + "@#$^&";
  private static final Map<Character, Character> TO_LATIN = new HashMap<>();

  static {
    for (int i = 0; i < RUSSIAN.length(); i++) {
      TO_LATIN.put(RUSSIAN.charAt(i), LATIN.charAt(i));
    }
  }

  private RussianLayout() {}

  /** True when the text has a Cyrillic letter, i.e. it was typed with the Russian layout on. */
  public static boolean typedInRussian(CharSequence text) {
    return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
  }

  /**
   * The Latin keys behind the text when it was typed in the Russian layout; otherwise the text as
   * it is (a Latin {@code .} or {@code ,} stays what it is unless Cyrillic letters prove the layout).
   */
  public static String toLatin(String text) {
    if (!typedInRussian(text)) {
      return text;
    }
    StringBuilder latin = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      latin.append(TO_LATIN.getOrDefault(c, c));
    }
    return latin.toString();
  }
}
