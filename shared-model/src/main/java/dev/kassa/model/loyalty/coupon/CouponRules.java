package dev.kassa.model.loyalty.coupon;

import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.ALREADY_USED;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.CARD_LIMIT_REACHED;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.CARD_REQUIRED;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.EXPIRED;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.LIMIT_REACHED;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.NOT_YET_VALID;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.OTHER_CARD;
import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.UNKNOWN_CODE;
import static java.util.Objects.requireNonNull;

import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.loyalty.program.CouponDefinition;
import dev.kassa.model.loyalty.program.CouponKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Coupon validation and consumption as pure functions over the coupon's state; the caller keeps the
 * state (the terminal's cache, the server's table) and writes the new one. Whether the basket meets
 * the coupon's own conditions (minimum check, categories) is the engine's business: it reports a
 * presented coupon that did not apply.
 */
public final class CouponRules {
  private CouponRules() {}

  /**
   * Checks a code: a PROMO code of the program (with its {@code usage}, null when never used), or
   * the single-use code {@code issued} (null when no such code was issued).
   */
  public static CouponCheck check(CompiledProgram program, String code, IssuedCoupon issued, PromoUsage usage,
      String cardNumber, Instant now) {
    requireNonNull(code, "code == null");
    requireNonNull(now, "now == null");
    CouponDefinition promo = program.promoCoupon(code.strip());
    if (promo != null) {
      return checkPromo(program, promo, usage == null ? PromoUsage.none(promo.id()) : usage, cardNumber, now);
    }
    if (issued == null || !issued.code().equalsIgnoreCase(code.strip())) {
      return CouponCheck.rejected(UNKNOWN_CODE, null, "no coupon with code " + code);
    }
    CouponDefinition definition = program.couponDefinition(issued.definitionId());
    if (definition == null || definition.kind() != CouponKind.SINGLE_USE) {
      return CouponCheck.rejected(UNKNOWN_CODE, null, "coupon " + code + " is not in this program version");
    }
    if (issued.used()) {
      return CouponCheck.rejected(ALREADY_USED, definition.id(), "coupon " + code + " was used in sale " + issued.usedInSale());
    }
    if (issued.expiresAt() != null && !now.isBefore(issued.expiresAt())) {
      return CouponCheck.rejected(EXPIRED, definition.id(), "coupon " + code + " expired at " + issued.expiresAt());
    }
    if (issued.cardNumber() != null && !issued.cardNumber().equals(cardNumber)) {
      return CouponCheck.rejected(cardNumber == null ? CARD_REQUIRED : OTHER_CARD, definition.id(),
          "coupon " + code + " belongs to another card");
    }
    CouponCheck dates = dates(program, definition, now);
    return dates != null ? dates : CouponCheck.accepted(definition.id());
  }

  private static CouponCheck checkPromo(CompiledProgram program, CouponDefinition promo, PromoUsage usage,
      String cardNumber, Instant now) {
    CouponCheck dates = dates(program, promo, now);
    if (dates != null) {
      return dates;
    }
    if (promo.maxUses() != null && usage.total() >= promo.maxUses()) {
      return CouponCheck.rejected(LIMIT_REACHED, promo.id(), "promo code " + promo.code() + " was used up");
    }
    if (promo.maxUsesPerCard() != null) {
      if (cardNumber == null) {
        return CouponCheck.rejected(CARD_REQUIRED, promo.id(), "promo code " + promo.code() + " needs a loyalty card");
      }
      if (usage.byCard(cardNumber) >= promo.maxUsesPerCard()) {
        return CouponCheck.rejected(CARD_LIMIT_REACHED, promo.id(),
            "promo code " + promo.code() + " was already used with this card");
      }
    }
    return CouponCheck.accepted(promo.id());
  }

  private static CouponCheck dates(CompiledProgram program, CouponDefinition coupon, Instant now) {
    LocalDate today = now.atZone(program.zone()).toLocalDate();
    if (coupon.when().from() != null && today.isBefore(coupon.when().from())) {
      return CouponCheck.rejected(NOT_YET_VALID, coupon.id(), "coupon valid from " + coupon.when().from());
    }
    if (coupon.when().to() != null && today.isAfter(coupon.when().to())) {
      return CouponCheck.rejected(EXPIRED, coupon.id(), "coupon valid until " + coupon.when().to());
    }
    return null;
  }

  /** Marks a single-use code used in a sale; using it twice is an error. */
  public static IssuedCoupon consume(IssuedCoupon coupon, UUID saleId) {
    requireNonNull(saleId, "saleId == null");
    if (coupon.used()) {
      throw new IllegalStateException("coupon " + coupon.code() + " already used in sale " + coupon.usedInSale());
    }
    return new IssuedCoupon(coupon.code(), coupon.definitionId(), coupon.cardNumber(), coupon.issuedAt(),
        coupon.expiresAt(), saleId);
  }

  /** Gives a code back when the sale it was used in is voided; other sales' use stays. */
  public static IssuedCoupon release(IssuedCoupon coupon, UUID voidedSaleId) {
    if (!voidedSaleId.equals(coupon.usedInSale())) {
      return coupon;
    }
    return new IssuedCoupon(coupon.code(), coupon.definitionId(), coupon.cardNumber(), coupon.issuedAt(),
        coupon.expiresAt(), null);
  }

  /** Counts one use of a promo code (by {@code cardNumber}, null for a customer without a card). */
  public static PromoUsage consume(PromoUsage usage, String cardNumber) {
    Map<String, Long> byCard = new HashMap<>(usage.byCard());
    if (cardNumber != null) {
      byCard.merge(cardNumber, 1L, Long::sum);
    }
    return new PromoUsage(usage.definitionId(), Math.addExact(usage.total(), 1), byCard);
  }
}
