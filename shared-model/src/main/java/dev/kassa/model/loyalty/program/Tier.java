package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A member level reached by rolling 12-month spend of at least {@code minSpend}. A tier may set its
 * own {@code accrual} rate (else the base accrual applies) and/or a fixed {@code discountPercent} on
 * every discountable line. The highest tier whose threshold the spend reaches applies, so members move
 * up and down as their spend rolls.
 */
public record Tier(String id, Map<String, String> name, BigDecimal minSpend, Rate accrual, BigDecimal discountPercent) {
  public Tier {
    name = LoyaltyProgram.names(name);
  }
}
