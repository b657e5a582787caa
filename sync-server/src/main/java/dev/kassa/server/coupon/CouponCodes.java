package dev.kassa.server.coupon;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coupon and certificate codes: upper case, as the till compares them case-insensitively. Codes the
 * server makes are random (a printed code must not let anyone guess the next one) from an alphabet
 * without 0/O and 1/I, so a code typed from paper is not mistaken.
 */
public final class CouponCodes {
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  /** 32^12 = 2^60 codes: guessing one of a million issued takes some 10^12 tries. */
  static final int LENGTH = 12;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,31}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CouponCodes() {}

  /** The stored form of a code as scanned or typed. */
  public static String normal(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether a normal code is acceptable: 4-32 letters, digits or '-', starting with a letter or digit. */
  public static boolean valid(String normalCode) {
    return CODE.matcher(normalCode).matches();
  }

  /** {@code count} distinct new random codes. */
  static Set<String> random(int count) {
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < count) {
      char[] code = new char[LENGTH];
      for (int i = 0; i < LENGTH; i++) {
        code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
      }
      codes.add(new String(code));
    }
    return codes;
  }
}
