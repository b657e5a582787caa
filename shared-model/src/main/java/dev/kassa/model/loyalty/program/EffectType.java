package dev.kassa.model.loyalty.program;

/** What a campaign or coupon does to the lines it targets. */
public enum EffectType {
  /** Multiplies the points of the targeted lines ({@code multiplier}, e.g. 2 or 1.5). Several add up: x2 and x3 give x4. */
  POINTS_MULTIPLIER,
  /** {@code points} extra for the check, shared across the targeted lines that earn points. */
  BONUS_POINTS,
  /** {@code percent} off each targeted line, rounded per line. */
  PERCENT_DISCOUNT,
  /** {@code amount} off the targeted lines together, shared in proportion to their amounts. */
  FIXED_DISCOUNT
}
