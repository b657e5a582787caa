package dev.kassa.model.loyalty.program;

import java.util.Map;

/**
 * A coupon: a campaign that applies only when its code is presented. Validity dates and other
 * conditions are in {@code when}. A PROMO coupon names its public {@code code}; SINGLE_USE codes are
 * issued separately and point back to this definition's {@code id}.
 */
public record CouponDefinition(
    String id,
    Map<String, String> name,
    CouponKind kind,
    String code,
    Integer maxUses,
    Integer maxUsesPerCard,
    int priority,
    Stacking stacking,
    Conditions when,
    Effect effect) {

  public CouponDefinition {
    name = LoyaltyProgram.names(name);
    when = when == null ? Conditions.ALWAYS : when;
  }
}
