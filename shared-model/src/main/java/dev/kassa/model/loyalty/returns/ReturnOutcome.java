package dev.kassa.model.loyalty.returns;

import dev.kassa.model.money.Money;
import dev.kassa.model.sale.ReturnLine;
import java.util.List;

/**
 * What a return gives back and takes back: the lines (refund and earned points reversed for each),
 * the refund {@code total}, the earned points taken back ({@code pointsReversed}), the redeemed
 * points given back ({@code pointsRestored}, worth {@code restoredValue} of the total) and the rest
 * refunded in money ({@code moneyRefund} = total - restoredValue).
 */
public record ReturnOutcome(
    List<ReturnLine> lines, Money total, long pointsReversed, long pointsRestored, Money restoredValue,
    Money moneyRefund) {

  public ReturnOutcome {
    lines = List.copyOf(lines);
  }
}
