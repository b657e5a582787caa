package dev.kassa.model.loyalty.program;

/** How coupon codes are issued. */
public enum CouponKind {
  /** Individual codes issued to customers, each good for one sale. */
  SINGLE_USE,
  /** One public code ({@code code}), usable up to {@code maxUses} times in all and {@code maxUsesPerCard} per card. */
  PROMO
}
