package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * Gift certificates as stored value: sold in {@code denominations}, valid {@code validityDays} after
 * sale, spendable in several purchases when {@code partialUse}, else in one (the rest is forfeited).
 */
public record GiftCertificatePolicy(List<BigDecimal> denominations, Integer validityDays, Boolean partialUse) {
  public GiftCertificatePolicy {
    denominations = Lists.copy(denominations);
  }

  public boolean allowsPartialUse() {
    return !Boolean.FALSE.equals(partialUse);
  }
}
