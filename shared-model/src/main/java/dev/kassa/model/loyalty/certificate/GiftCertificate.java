package dev.kassa.model.loyalty.certificate;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.time.Instant;

/**
 * A sold gift certificate: stored value. {@code balance} is what is left of {@code initial};
 * it pays until {@code expiresAt} (null: no end) unless {@code blocked} (reported lost, say).
 */
public record GiftCertificate(String code, Money initial, Money balance, Instant soldAt, Instant expiresAt,
    boolean blocked) {
  public GiftCertificate {
    requireNonNull(code, "code == null");
    requireNonNull(initial, "initial == null");
    requireNonNull(balance, "balance == null");
    requireNonNull(soldAt, "soldAt == null");
    if (!initial.isPositive()) {
      throw new IllegalArgumentException("initial <= 0: " + initial);
    }
    if (balance.isNegative() || balance.compareTo(initial) > 0) {
      throw new IllegalArgumentException("balance outside 0.." + initial + ": " + balance);
    }
  }

  GiftCertificate withBalance(Money newBalance) {
    return new GiftCertificate(code, initial, newBalance, soldAt, expiresAt, blocked);
  }
}
