package dev.kassa.model.loyalty.coupon;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A SINGLE_USE code issued to a customer: which coupon definition it is, the card it was issued to
 * (null: whoever presents it), until when it is good (null: as long as the definition), and the
 * sale it was used in (null while unused).
 */
public record IssuedCoupon(
    String code, String definitionId, String cardNumber, Instant issuedAt, Instant expiresAt, UUID usedInSale) {
  public IssuedCoupon {
    requireNonNull(code, "code == null");
    requireNonNull(definitionId, "definitionId == null");
    requireNonNull(issuedAt, "issuedAt == null");
  }

  public boolean used() {
    return usedInSale != null;
  }
}
