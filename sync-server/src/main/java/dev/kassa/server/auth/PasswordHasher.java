package dev.kassa.server.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords and PINs as PBKDF2-HMAC-SHA256 with a random salt, in the self-describing form
 * {@code pbkdf2-sha256$iterations$salt$hash}. The default is 600,000 iterations (OWASP's 2023
 * figure for PBKDF2-SHA256); the iteration count is stored with each hash, so raising the default
 * later does not break existing passwords. Tests use a lower count to stay fast.
 */
public final class PasswordHasher {
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  public PasswordHasher(int iterations) {
    if (iterations < 1_000) {
      throw new IllegalArgumentException("iterations < 1000: " + iterations);
    }
    this.iterations = iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  /** Constant-time check; a malformed stored hash never matches. */
  public boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    try {
      int storedIterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Burns the same time as a real check; called when the user does not exist so that response
   * times do not tell an attacker which user names are real.
   */
  public void dummyCheck(String password) {
    derive(password, new byte[SALT_BYTES], iterations);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JRE", e);
    } finally {
      spec.clearPassword();
    }
  }
}
