package dev.kassa.model.catalog;

/** Per-product exclusions from the loyalty program (tobacco and alcohol carry them by law). */
public enum ProductFlag {
  /** Earns no points. */
  NO_ACCRUAL,
  /** Cannot be paid for with points. */
  NO_REDEMPTION,
  /** Takes no discount of any kind: campaign, tier, coupon. */
  NO_DISCOUNT
}
