package dev.kassa.model.loyalty.coupon;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** How often a PROMO coupon was used: in all, and by card number. */
public record PromoUsage(String definitionId, long total, Map<String, Long> byCard) {
  public PromoUsage {
    requireNonNull(definitionId, "definitionId == null");
    byCard = byCard == null ? Map.of() : Map.copyOf(byCard);
    if (total < 0) {
      throw new IllegalArgumentException("total < 0: " + total);
    }
  }

  public static PromoUsage none(String definitionId) {
    return new PromoUsage(definitionId, 0, Map.of());
  }

  public long byCard(String cardNumber) {
    return cardNumber == null ? 0 : byCard.getOrDefault(cardNumber, 0L);
  }
}
