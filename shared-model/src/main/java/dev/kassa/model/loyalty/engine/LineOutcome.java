package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Money;

/**
 * The engine's result for one line: {@code discount} of every kind (the sale line's discount), the
 * part of the net paid with points ({@code redeemed}, a payment, not a discount) and the
 * {@code points} the line earns.
 */
public record LineOutcome(int lineNo, Money amount, Money discount, Money redeemed, long points) {

  /** What the line costs after discounts: amount - discount. */
  public Money net() {
    return discount.isZero() ? amount : amount.minus(discount);
  }
}
