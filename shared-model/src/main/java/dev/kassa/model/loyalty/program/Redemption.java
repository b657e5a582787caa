package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;

/**
 * Paying with points: one point is worth {@code pointValue}; points may pay at most
 * {@code capPercent} of the eligible check (after discounts); a card needs at least
 * {@code minBalance} points to redeem at all. {@code redeemedPartEarns} says whether the part paid
 * with points still earns points; {@code exclusions} are lines points cannot pay for.
 */
public record Redemption(
    BigDecimal pointValue, BigDecimal capPercent, Long minBalance, Boolean redeemedPartEarns, Exclusions exclusions) {

  public Redemption {
    exclusions = exclusions == null ? Exclusions.NONE : exclusions;
  }

  public boolean earnsOnRedeemedPart() {
    return Boolean.TRUE.equals(redeemedPartEarns);
  }
}
