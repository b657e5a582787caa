package dev.kassa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher fast = new PasswordHasher(1_000);

  @Test
  void theProductionDefaultIsAtLeastOwaspsFigureAndIsWrittenIntoTheHash() {
    assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    String hash = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).hash("correct horse");
    assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
  }

  @Test
  void matchesOnlyTheRightPassword() {
    String hash = fast.hash("correct horse");
    assertThat(fast.matches("correct horse", hash)).isTrue();
    assertThat(fast.matches("correct horsE", hash)).isFalse();
    assertThat(fast.matches("", hash)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(fast.hash("same")).isNotEqualTo(fast.hash("same"));
  }

  @Test
  void aHashMadeWithOtherIterationsStillVerifies() {
    String old = new PasswordHasher(2_000).hash("pw");
    assertThat(fast.matches("pw", old)).isTrue();
  }

  @Test
  void aMalformedStoredHashNeverMatches() {
    assertThat(fast.matches("pw", "plain-text")).isFalse();
    assertThat(fast.matches("pw", "pbkdf2-sha256$x$y$z")).isFalse();
  }

  @Test
  void refusesTooFewIterations() {
    assertThatThrownBy(() -> new PasswordHasher(10)).hasMessageContaining("iterations < 1000");
  }
}
