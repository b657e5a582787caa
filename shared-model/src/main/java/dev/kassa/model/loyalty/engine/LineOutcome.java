package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Money;

/**
 * The engine's result for one line: its discount of every kind (the sale line's discount), the part
 * of its net paid with points (redeemed: a payment, not a discount) and the {@code points} it earns.
 * The two amounts are kept in minor units of the line's currency (an evaluation makes many of these;
 * {@link #discount()} and {@link #redeemed()} give them as money).
 */
public record LineOutcome(int lineNo, Money amount, long discountMinor, long redeemedMinor, long points) {

  public Money discount() {
    return Money.ofMinor(discountMinor, amount.currency());
  }

  public Money redeemed() {
    return Money.ofMinor(redeemedMinor, amount.currency());
  }

  /** What the line costs after discounts: amount - discount. */
  public Money net() {
    return Money.ofMinor(amount.minor() - discountMinor, amount.currency());
  }
}
