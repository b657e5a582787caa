package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;

/**
 * Paying with points: one point is worth {@code pointValue}; points may pay at most
 * {@code capPercent} of the eligible check (after discounts); a card needs at least
 * {@code minBalance} points to redeem at all. {@code redeemedPartEarns} says whether the part paid
 * with points still earns points; {@code exclusions} are lines points cannot pay for.
 *
 * <p>{@code offlineAllowance} bounds the risk of selling offline: the points one terminal may let a
 * card spend while it cannot confirm them with the server (null or 0: no offline redemption). It is
 * never more than the card's last confirmed balance minus what that terminal already spent unconfirmed.
 */
public record Redemption(
    BigDecimal pointValue, BigDecimal capPercent, Long minBalance, Boolean redeemedPartEarns, Exclusions exclusions,
    Long offlineAllowance) {

  public Redemption {
    exclusions = exclusions == null ? Exclusions.NONE : exclusions;
  }

  /** Points one terminal may let a card spend unconfirmed; 0 when the program allows none. */
  public long offlineAllowanceOrZero() {
    return offlineAllowance == null ? 0 : offlineAllowance;
  }

  public boolean earnsOnRedeemedPart() {
    return Boolean.TRUE.equals(redeemedPartEarns);
  }
}
