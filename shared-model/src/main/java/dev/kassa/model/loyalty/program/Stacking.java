package dev.kassa.model.loyalty.program;

/**
 * How a campaign or coupon combines with others. Rules apply in priority order (highest first,
 * then by id). An EXCLUSIVE rule skips lines an earlier rule already changed, and once it has
 * applied to a line no later rule touches that line. A STACKABLE rule applies to every line it
 * targets that no exclusive rule has taken.
 */
public enum Stacking {
  EXCLUSIVE,
  STACKABLE
}
