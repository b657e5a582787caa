package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;

/**
 * A returned part of an original sale line: how much came back, the money refunded for it (its
 * share of what was paid, discounts included) and the earned points taken back for it.
 */
public record ReturnLine(int originalLineNo, Quantity quantity, Money refund, long pointsReversed) {
  public ReturnLine {
    if (originalLineNo <= 0) {
      throw new IllegalArgumentException("originalLineNo <= 0: " + originalLineNo);
    }
    requireNonNull(quantity, "quantity == null");
    requireNonNull(refund, "refund == null");
    if (refund.isNegative()) {
      throw new IllegalArgumentException("refund < 0: " + refund);
    }
    if (pointsReversed < 0) {
      throw new IllegalArgumentException("pointsReversed < 0: " + pointsReversed);
    }
  }
}
