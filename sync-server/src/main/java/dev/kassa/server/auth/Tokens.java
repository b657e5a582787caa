package dev.kassa.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens and enrolment codes. A token is 256 random bits, so a plain SHA-256 of it is a
 * safe thing to store (nobody can brute-force 2^256); the token itself leaves the server once and
 * is never stored or logged.
 */
public final class Tokens {
  /** Terminal tokens start with this; session tokens with {@link #SESSION_PREFIX}. */
  public static final String TERMINAL_PREFIX = "kt_";
  public static final String SESSION_PREFIX = "ks_";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** No 0/O, 1/I/L: codes are read aloud and typed on a till keyboard. */
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

  private Tokens() {}

  /** A new bearer token with a readable prefix ({@link #TERMINAL_PREFIX} or {@link #SESSION_PREFIX}). */
  public static String newToken(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A one-time enrolment code, e.g. "K7QX-M2PA-9RTF" (60 bits; it also expires). */
  public static String newEnrollmentCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return code.toString();
  }

  /** What is stored for a token or code: lowercase hex SHA-256. */
  public static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** Enrolment codes are compared case-insensitively and without spaces. */
  public static String normalizeCode(String code) {
    return code.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
  }
}
